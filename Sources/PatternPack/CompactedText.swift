/// A field's text as the patterns see it: words spaced out to dodge keyword filters joined again, and decorated
/// digits made plain (ADR 0018).
///
/// Scam postings write 交 押 金, 体 检 中 心, 会 员 费 一九八, 扣扣②⑧⑦, 2⃣8⃣/h. Patterns could allow a separator between
/// every two characters (`{{spaced:…}}`), but then every rule would have to; instead the pack matches a compacted
/// copy of the field and maps each match back to the original bytes. The compaction is deliberately narrow:
/// - A run of one or two separators (space, ideographic space, `- _ · * ~ | / .`) is dropped between two *units*
///   (a CJK ideograph, an ASCII letter, an ASCII digit) when at least one of the two stands alone — the character on
///   its far side is not a unit. 衣 服 费 and 交 y j become 衣服费 and 交yj; 服务员 押金 (two whole words) stays as it is.
///   Two ASCII letters or two digits are joined only when both stand alone (y j, 3 0 0), so English words and
///   numbers keep their spaces.
/// - Circled digits ①…⑨ and ⓪ become 1…9 and 0; the keycap mark of 2⃣ (U+20E3, with or without U+FE0F) is dropped.
///
/// Nothing else changes: punctuation (，、。), emoji and every other character stay, so gaps such as `[^。！？]` and
/// exclusions that stop at a comma read the same sentence structure.
struct CompactedText {
    /// The compacted UTF-8 bytes (valid UTF-8 when the input was).
    let bytes: [UInt8]
    /// Per byte of ``bytes``: the offset of the original character it comes from.
    private let originStart: [Int32]
    /// Per byte of ``bytes``: the end offset of the original character it comes from.
    private let originEnd: [Int32]

    /// The original byte range a range of ``bytes`` was made from.
    func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < originStart.count ? Int(originStart[range.lowerBound])
                : Int(originEnd.last ?? 0)
            return at..<at
        }
        return Int(originStart[range.lowerBound])..<Int(originEnd[range.upperBound - 1])
    }

    /// One decoded character of the input.
    private struct Character {
        let scalar: UInt32
        let start: Int
        let length: Int
    }

    /// The compacted form of `text` (valid UTF-8), or nil when compaction changes nothing (the common case).
    static func make(_ text: UnsafeBufferPointer<UInt8>) -> CompactedText? {
        guard text.contains(where: mayStartChange) else { return nil }
        let characters = decode(text)
        var drop = [Bool](repeating: false, count: characters.count)
        var replacement = [UInt8?](repeating: nil, count: characters.count)
        var changed = markDigits(characters, drop: &drop, replacement: &replacement)
        changed = markSeparators(characters, drop: &drop) || changed
        guard changed else { return nil }
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        bytes.reserveCapacity(text.count)
        for (index, character) in characters.enumerated() where !drop[index] {
            let start = Int32(character.start)
            let end = Int32(character.start + character.length)
            if let byte = replacement[index] {
                bytes.append(byte)
                starts.append(start)
                ends.append(end)
            } else {
                for offset in 0..<character.length {
                    bytes.append(text[character.start + offset])
                    starts.append(start)
                    ends.append(end)
                }
            }
        }
        return CompactedText(bytes: bytes, originStart: starts, originEnd: ends)
    }

    /// Bytes that can begin a character compaction acts on: the ASCII separators, and the lead bytes of ·, the
    /// ideographic space, circled digits, the keycap mark and U+FE0F.
    private static func mayStartChange(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x2D, 0x5F, 0x2A, 0x7E, 0x7C, 0x2F, 0x2E, 0xC2, 0xE2, 0xE3, 0xEF: return true
        default: return false
        }
    }

    private static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [Character] {
        var characters: [Character] = []
        characters.reserveCapacity(text.count / 2)
        var index = 0
        while index < text.count {
            let lead = text[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var scalar = UInt32(lead) & (length == 1 ? 0x7F : length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<max(length, 1) where index + offset < text.count {
                scalar = scalar << 6 | UInt32(text[index + offset] & 0x3F)
            }
            characters.append(Character(scalar: scalar, start: index, length: min(length, text.count - index)))
            index += length
        }
        return characters
    }

    /// Circled digits to ASCII; keycap marks (and the U+FE0F before one) after an ASCII digit dropped.
    private static func markDigits(_ characters: [Character], drop: inout [Bool], replacement: inout [UInt8?])
        -> Bool {
        var changed = false
        for (index, character) in characters.enumerated() {
            switch character.scalar {
            case 0x2460...0x2468:
                replacement[index] = UInt8(0x31 + character.scalar - 0x2460)
                changed = true
            case 0x24EA:
                replacement[index] = 0x30
                changed = true
            case 0x20E3, 0xFE0F:
                var previous = index - 1
                if previous >= 0, characters[previous].scalar == 0xFE0F { previous -= 1 }
                let next = index + 1 < characters.count ? characters[index + 1].scalar : 0
                let keycap = character.scalar == 0x20E3 || next == 0x20E3
                if keycap, previous >= 0, isDigit(characters[previous].scalar) {
                    drop[index] = true
                    changed = true
                }
            default:
                break
            }
        }
        return changed
    }

    /// Separator runs between two units of which at least one stands alone.
    private static func markSeparators(_ characters: [Character], drop: inout [Bool]) -> Bool {
        var changed = false
        var index = 1
        while index < characters.count {
            guard isSeparator(characters[index].scalar) else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, isSeparator(characters[end].scalar) { end += 1 }
            defer { index = end + 1 }
            guard end - index <= 2, end < characters.count else { continue }
            let left = characters[index - 1].scalar
            let right = characters[end].scalar
            guard isUnit(left), isUnit(right) else { continue }
            let leftAlone = index - 2 < 0 || !isUnit(characters[index - 2].scalar)
            let rightAlone = end + 1 >= characters.count || !isUnit(characters[end + 1].scalar)
            let bothNarrow = !isIdeograph(left) && !isIdeograph(right)
            guard bothNarrow ? (leftAlone && rightAlone) : (leftAlone || rightAlone) else { continue }
            for i in index..<end { drop[i] = true }
            changed = true
        }
        return changed
    }

    private static func isSeparator(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x20, 0x3000, 0x2D, 0x5F, 0xB7, 0x2A, 0x7E, 0x7C, 0x2F, 0x2E: return true
        default: return false
        }
    }

    private static func isIdeograph(_ scalar: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
    }

    private static func isDigit(_ scalar: UInt32) -> Bool { (0x30...0x39).contains(scalar) }

    private static func isUnit(_ scalar: UInt32) -> Bool {
        isIdeograph(scalar) || isDigit(scalar) || (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar)
    }
}
