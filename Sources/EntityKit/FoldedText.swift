/// A text as an array of width-folded Unicode scalars that remembers each scalar's UTF-8 byte range in the source.
///
/// Full-width ASCII (`１３８`, `ＱＱ`) becomes ASCII, the ideographic space a space, and full-width or CJK
/// brackets `（【〔［` round ones. Extraction works on the folded scalars and reports source byte ranges.
struct FoldedText {
    /// Folded scalars.
    let scalars: [Unicode.Scalar]
    /// UTF-8 byte offset of each scalar in the source, plus the source's length at the end.
    let offsets: [Int]
    /// The source text.
    let source: String

    init(_ text: String) {
        source = text
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        // The UTF-8 length bounds the scalar count and is O(1); counting scalars would be a pass of its own.
        scalars.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for s in text.unicodeScalars {
            scalars.append(Self.fold(s))
            offsets.append(offset)
            offset += UTF8.width(s)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
    }

    /// The folded scalars of the valid UTF-8 `bytes[range]` of `text` (`bytes` are `text`'s UTF-8): a window whose
    /// index 0 is the scalar at `range.lowerBound`, with offsets (and so ``byteRange(_:)`` and ``raw(_:)``) still
    /// counted from the start of `text`.
    init(_ text: String, bytes: UnsafeBufferPointer<UInt8>, window range: Range<Int>) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        self.init(text, bytes: bytes, window: range, reusing: &scalars, &offsets)
    }

    /// ``init(_:bytes:window:)`` filling `scalars` and `offsets` (emptied first) and sharing them: a caller that
    /// reads many windows one after another lets each window go before the next and allocates only once.
    init(_ text: String, bytes: UnsafeBufferPointer<UInt8>, window range: Range<Int>,
         reusing scalars: inout [Unicode.Scalar], _ offsets: inout [Int]) {
        source = text
        scalars.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        scalars.reserveCapacity(range.count)
        offsets.reserveCapacity(range.count + 1)
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, width) = ExtractionGates.decode(bytes, at: index)
            scalars.append(Self.fold(scalar))
            offsets.append(index)
            index += width
        }
        offsets.append(index)
        self.scalars = scalars
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    /// The UTF-8 byte range of scalars `range`.
    func byteRange(_ range: Range<Int>) -> Range<Int> { offsets[range.lowerBound]..<offsets[range.upperBound] }

    /// The source text of scalars `range`.
    func raw(_ range: Range<Int>) -> String {
        let r = byteRange(range)
        var text = source
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    /// The folded text of scalars `range`.
    func folded(_ range: Range<Int>) -> String { Self.string(scalars[range]) }

    /// The text of `scalars`, encoded straight into the string's UTF-8 storage (appending scalars to a
    /// `String.UnicodeScalarView` one by one costs several times more).
    static func string<C: Collection<Unicode.Scalar>>(_ scalars: C) -> String {
        String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var length = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[length] = byte
                    length += 1
                }
            }
            return length
        }
    }

    /// Whether the folded text at `index` starts with `literal` (ASCII compared case-insensitively).
    func matches(_ literal: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + literal.count <= count else { return false }
        for (k, l) in literal.enumerated() where Self.lower(scalars[index + k]) != Self.lower(l) { return false }
        return true
    }

    // MARK: - Character classes

    /// Width folding and bracket unification of one scalar.
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(s.value - 0xFEE0) ?? s
        case 0x3000, 0x00A0: " "
        case 0x3010, 0x3014, 0x3016, 0xFF3B: "("
        case 0x3011, 0x3015, 0x3017, 0xFF3D: ")"
        default: s
        }
    }

    static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(s.value) ? Unicode.Scalar(s.value + 32) ?? s : s
    }

    /// The digit a scalar stands for: ASCII, Chinese numerals (零〇一二三四五六七八九两幺, 壹贰叁肆伍陆柒捌玖).
    static func digit(_ s: Unicode.Scalar) -> UInt8? {
        if (0x30...0x39).contains(s.value) { return UInt8(s.value - 0x30) }
        switch s {
        case "零", "〇": return 0
        case "一", "壹", "幺": return 1
        case "二", "贰", "两": return 2
        case "三", "叁": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { (0x30...0x39).contains(s.value) }
    static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value) }
    static func isCJK(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) }

    /// Separators people put inside numbers: spaces, dashes, dots, brackets, slashes.
    static func isNumberSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case " ", "\t", "-", "_", ".", "·", "‐", "‑", "–", "—", "(", ")", "/", "*", "~", "、": true
        default: false
        }
    }
}
