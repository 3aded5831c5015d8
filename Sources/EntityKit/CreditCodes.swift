import Foundation

/// Finds 18-character unified social credit codes: valid ones are entities, ones with a wrong check character are
/// reported apart (an invalid code in a posting is itself a warning sign).
///
/// A candidate is a run of exactly 18 code characters (not part of a longer run of letters and digits) with the
/// code's shape. An all-digit run (or 17 digits + X) is taken only after a credit-code marker, so ID numbers and
/// order numbers are never reported.
enum CreditCodes {
    static let markers = ["统一社会信用代码", "社会信用代码", "信用代码", "税号", "营业执照号", "注册号"]

    static func find(_ text: FoldedText) -> (valid: [EntityMention], invalid: [EntityMention]) {
        var valid: [EntityMention] = []
        var invalid: [EntityMention] = []
        var i = 0
        while i < text.count {
            guard isCodeScalar(text.scalars[i]) else { i += 1; continue }
            var j = i
            while j < text.count, isCodeScalar(text.scalars[j]) { j += 1 }
            defer { i = j }
            guard j - i == 18 else { continue }
            let code = text.folded(i..<j).uppercased()
            guard CreditCode.hasShape(code) else { continue }
            let letters = code.unicodeScalars.filter(FoldedText.isASCIILetter)
            let idLike = letters.isEmpty || (letters.count == 1 && code.hasSuffix("X"))
            if idLike && !markerBefore(i, in: text) { continue }
            let mention = EntityMention(entity: Entity(kind: .creditCode, value: code), range: text.byteRange(i..<j),
                                        raw: text.raw(i..<j))
            if CreditCode.isValid(code) { valid.append(mention) } else { invalid.append(mention) }
        }
        return (valid, invalid)
    }

    /// Whether `text` has a maximal run of exactly 18 code characters (ASCII or full-width letters and digits),
    /// the first condition ``find(_:)`` puts on a candidate; read from the UTF-8 bytes without folding the text.
    ///
    /// Outside a run it looks 17 bytes ahead: a run of 18 code characters takes at least 18 bytes, so when the
    /// character holding that byte is no code character, no run can start before it and the scan jumps past it.
    static func mayContainCode(_ text: String) -> Bool {
        // A native string's bytes are read where they are (no copy of the string, which a `withUTF8` needs).
        if let answer = text.utf8.withContiguousStorageIfAvailable({ mayContainCode(bytes: $0) }) { return answer }
        var copy = text
        return copy.withUTF8 { mayContainCode(bytes: $0) }
    }

    /// ``mayContainCode(_:)`` on the text's UTF-8 bytes.
    static func mayContainCode(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if run == 0, index + 17 < count {
                var lead = index + 17
                while bytes[lead] & 0xC0 == 0x80, lead > index { lead -= 1 }
                let (isCode, width) = codeCharacter(bytes, at: lead)
                if !isCode {
                    index = lead + width
                    continue
                }
            }
            let (isCode, width) = codeCharacter(bytes, at: index)
            if isCode {
                run += 1
            } else {
                if run == 18 { return true }
                run = 0
            }
            index += width
        }
        return run == 18
    }

    /// Whether the character whose UTF-8 starts at `index` is a code character (ASCII letter or digit, full-width
    /// letter or digit), and its width in bytes as its lead byte says (a truncated sequence at the end of invalid
    /// bytes may claim more bytes than remain; callers stop at the end; a Swift string never holds one).
    @inline(__always)
    static func codeCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Bool, Int) {
        let byte = bytes[index]
        if byte < 0x80 {
            return ((0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte), 1)
        }
        if byte == 0xEF, index + 2 < bytes.count {
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            let code = (second == 0xBC && ((0x90...0x99).contains(third) || (0xA1...0xBA).contains(third)))
                || (second == 0xBD && (0x81...0x9A).contains(third))
            return (code, 3)
        }
        // Any other character (valid UTF-8: step over it whole by its lead byte).
        return (false, byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2)
    }

    static func isCodeScalar(_ s: Unicode.Scalar) -> Bool { FoldedText.isASCIIDigit(s) || FoldedText.isASCIILetter(s) }

    /// Whether a credit-code marker ends within 6 characters before `index`.
    static func markerBefore(_ index: Int, in text: FoldedText) -> Bool {
        let window = text.folded(max(0, index - 16)..<index)
        return markers.contains { marker in
            guard let range = window.range(of: marker) else { return false }
            return window.distance(from: range.upperBound, to: window.endIndex) <= 6
        }
    }
}
