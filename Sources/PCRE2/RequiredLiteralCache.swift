import Synchronization

/// Required-literal analyses of pattern sources, kept so that pattern sets built again from the same sources (a
/// rule pack and its restricted copies, which compile subsets of its patterns) do not parse them again.
///
/// The analysis depends on the literal-rarity function: share one cache only between sets built with the same
/// rarity function (or all without one). Thread-safe.
///
/// ```swift
/// let cache = RequiredLiteralCache()
/// let all = try PatternSet(patterns: sources, literalRarity: rarity, literalCache: cache)
/// let some = try PatternSet(patterns: Array(sources.prefix(10)), literalRarity: rarity, literalCache: cache)
/// ```
public final class RequiredLiteralCache: Sendable {
    private struct Key: Hashable {
        let source: String
        let caseless: Bool
    }

    private let results = Mutex<[Key: LiteralExtractor.Result?]>([:])

    public init() {}

    /// The cached analysis of `source`, or `compute()`'s, stored for next time.
    func result(for source: String, caseless: Bool, _ compute: () -> LiteralExtractor.Result?)
        -> LiteralExtractor.Result? {
        let key = Key(source: source, caseless: caseless)
        if let known = results.withLock({ $0[key] }) { return known }
        let computed = compute()
        results.withLock { $0[key] = computed }
        return computed
    }

    /// Number of sources analysed so far.
    public var count: Int { results.withLock { $0.count } }
}
