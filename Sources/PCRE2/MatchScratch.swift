import CPCRE2

/// Reusable per-thread match state (PCRE2 match data) for any ``Pattern``.
///
/// Create one per thread or task and reuse it for every call; it is deliberately not `Sendable`, because PCRE2
/// writes the match result into it. Only the overall match (group 0) is read back, so a small ovector suffices;
/// a pattern with more groups returns code 0 ("ovector too small"), which ``Pattern`` treats as a match.
///
/// ```swift
/// let scratch = MatchScratch()
/// let r = try pattern.firstMatch(in: "入职前缴纳押金", scratch: scratch)
/// ```
public final class MatchScratch {
    let matchData: OpaquePointer
    /// Number of (start, end) pairs the ovector holds.
    public let ovectorPairs: Int

    /// Creates match data with room for `ovectorPairs` pairs (at least 1).
    /// - Parameter ovectorPairs: size of the ovector; 1 is enough for whole-match ranges.
    public init(ovectorPairs: Int = 4) {
        let pairs = UInt32(clamping: max(1, ovectorPairs))
        // pcre2_match_data_create only fails on memory exhaustion; there is no sane recovery from that.
        guard let data = pcre2_match_data_create_8(pairs, nil) else {
            preconditionFailure("PCRE2 could not allocate match data")
        }
        matchData = data
        self.ovectorPairs = Int(pairs)
    }

    /// A match context of this scratch's own, for searches with an offset limit (a pattern's context is shared
    /// between threads and cannot carry a per-search value); created on first use.
    private var limitingContext: OpaquePointer?
    /// The match limits `limitingContext` currently carries.
    private var limitingContextLimits: MatchLimits?

    deinit {
        if let limitingContext { pcre2_match_context_free_8(limitingContext) }
        pcre2_match_data_free_8(matchData)
    }

    /// This scratch's match context with `pattern`'s limits and an offset limit of `lastStart`.
    func context(limitingStartsTo lastStart: Int, for pattern: Pattern) -> OpaquePointer {
        let context: OpaquePointer
        if let existing = limitingContext {
            context = existing
        } else {
            // Like match data, a context only fails to allocate on memory exhaustion.
            guard let created = pcre2_match_context_create_8(nil) else {
                preconditionFailure("PCRE2 could not allocate a match context")
            }
            limitingContext = created
            context = created
        }
        if limitingContextLimits != pattern.limits {
            pattern.limits.apply(to: context)
            limitingContextLimits = pattern.limits
        }
        pcre2_set_offset_limit_8(context, lastStart)
        return context
    }

    /// Start and end of the overall match after a successful `pcre2_match`.
    var overallRange: Range<Int> {
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let start = ovector[0], end = ovector[1]
        // With \K in a lookahead PCRE2 may report start > end; normalise to an empty range at end.
        return start <= end ? start..<end : end..<end
    }
}
