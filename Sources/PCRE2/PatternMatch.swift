/// One match found by a ``PatternSet`` scan: which pattern, and where (UTF-8 byte offsets).
public struct PatternMatch: Sendable, Hashable, Comparable {
    /// Index of the pattern in the set's `patterns` array.
    public let pattern: Int
    /// Byte range of the match in the scanned buffer.
    public let range: Range<Int>

    /// Creates a match record.
    public init(pattern: Int, range: Range<Int>) {
        self.pattern = pattern
        self.range = range
    }

    /// Ordered by pattern, then start, then end.
    public static func < (a: PatternMatch, b: PatternMatch) -> Bool {
        (a.pattern, a.range.lowerBound, a.range.upperBound) < (b.pattern, b.range.lowerBound, b.range.upperBound)
    }
}
