/// One match of pattern `pattern` (index into the pack's flat pattern list) at a UTF-8 byte range.
struct PatternHit: Sendable, Hashable {
    var pattern: Int
    var range: Range<Int>
}

/// Runs a pack's flat list of patterns over one field's bytes.
protocol PackMatcher: Sendable {
    /// Every match of every pattern (non-overlapping per pattern, at most `perPatternLimit` each).
    ///
    /// `bytes` is valid UTF-8 (it comes from a Swift `String`). A pattern that exceeds its match limit is skipped
    /// and its index reported in `exceeded`; the other patterns' matches are still returned.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, exceeded: inout [Int]) -> [PatternHit]
}
