import Synchronization

/// Compiled patterns by source, options and limits, so that pattern sets built from overlapping sources (a rule pack,
/// the compilation that checks it, and its restricted copies) compile and JIT-compile each pattern once.
///
/// The cache holds its patterns weakly: a pattern stays available while some set (or other owner) keeps it, and its
/// memory is freed with its last owner, as without the cache. Thread-safe.
///
/// ```swift
/// let cache = CompiledPatternCache()
/// let all = try PatternSet(patterns: sources, patternCache: cache)
/// let some = try PatternSet(patterns: Array(sources.prefix(10)), patternCache: cache)   // reuses all's patterns
/// ```
public final class CompiledPatternCache: Sendable {
    private struct Key: Hashable {
        let source: String
        let options: PatternOptions
        let limits: MatchLimits
    }

    private struct Entry: @unchecked Sendable {
        // `@unchecked Sendable` is safe: `Pattern` is Sendable, and the entry is only read and written under `entries`'
        // lock.
        weak var pattern: Pattern?
    }

    private let entries = Mutex<[Key: Entry]>([:])

    /// The process's cache: what rule packs compile through, so that packs loaded apart (the fake-job pack and the
    /// black-intermediary module's copy of its fee rules) and a registry built again on reload share the patterns
    /// they have in common.
    public static let shared = CompiledPatternCache()

    public init() {}

    /// The pattern compiled from `source` with `options` and `limits`: a live one compiled before, or a new one.
    ///
    /// - Throws: ``PatternError`` as ``Pattern/init(_:options:limits:)`` does.
    public func pattern(_ source: String, options: PatternOptions = [], limits: MatchLimits = .default)
        throws(PatternError) -> Pattern
    {
        let key = Key(source: source, options: options, limits: limits)
        if let known = entries.withLock({ $0[key]?.pattern }) { return known }
        let compiled = try Pattern(source, options: options, limits: limits)
        entries.withLock { entries in
            entries[key] = Entry(pattern: compiled)
            // Drop the entries of patterns freed since, now and then, so the table does not grow without bound.
            if entries.count.isMultiple(of: 1_024) { entries = entries.filter { $0.value.pattern != nil } }
        }
        return compiled
    }

    /// Number of live patterns in the cache.
    public var count: Int { entries.withLock { $0.values.count { $0.pattern != nil } } }
}
