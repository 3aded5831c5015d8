/// An example text with its `⟦…⟧` markers removed and the marked span as UTF-8 byte offsets.
public struct MarkedExample: Sendable, Hashable {
    /// The text without markers.
    public var text: String
    /// The marked span in UTF-8 bytes of `text`, or nil when the example has no markers.
    public var span: Range<Int>?

    /// Parses an example; nil when the markers are malformed (unbalanced, nested or more than one pair).
    public init?(_ example: String) {
        let opens = example.filter { $0 == "⟦" }.count
        let closes = example.filter { $0 == "⟧" }.count
        if opens == 0 && closes == 0 {
            text = example
            span = nil
            return
        }
        guard opens == 1, closes == 1,
              let open = example.firstIndex(of: "⟦"), let close = example.firstIndex(of: "⟧"), open < close
        else { return nil }
        let before = example[..<open]
        let inside = example[example.index(after: open)..<close]
        let after = example[example.index(after: close)...]
        text = String(before) + String(inside) + String(after)
        let start = before.utf8.count
        span = start..<(start + inside.utf8.count)
    }
}
