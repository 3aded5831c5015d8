/// The case folding the prefilter's literals are matched under: ASCII capital letters as small letters, every other
/// byte unchanged (so no byte of a multi-byte UTF-8 sequence, all ≥ 0x80, ever changes).
///
/// ``PatternSet``'s automaton matches literals this way; anything that estimates how often a literal occurs (a rarity
/// sample) must fold its texts the same way to count what the automaton will find.
public enum ASCIICaseFolding {
    /// `byte` folded.
    @inline(__always)
    public static func fold(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// The UTF-8 bytes of `text`, folded.
    public static func folded(_ text: String) -> [UInt8] { text.utf8.map(fold) }

    /// `text` folded (itself when it has no ASCII capital letter).
    public static func folded(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 &- 0x41 < 26 }) else { return text }
        return String(decoding: text.utf8.map(fold), as: UTF8.self)
    }
}
