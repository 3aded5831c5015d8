/// A field's text as the patterns see it: words spaced out to dodge keyword filters joined again, decorated digits
/// made plain, traditional characters simplified (ADR 0018).
///
/// Scam postings write 交 押 金, 体 检 中 心, 会 员 费 一九八, 扣扣②⑧⑦, 2⃣8⃣/h. Patterns could allow a separator between
/// every two characters (`{{spaced:…}}`), but then every rule would have to; instead the pack matches a compacted
/// copy of the field and maps each match back to the original bytes. The compaction is deliberately narrow:
/// - A run of one or two separators (space, ideographic space, `- _ · * ~ |`) is dropped between two *units*
///   (a CJK ideograph, an ASCII letter, an ASCII digit) when at least one of the two stands alone — the character on
///   its far side is not a unit. 衣 服 费 and 交 y j become 衣服费 and 交yj; 服务员 押金 (two whole words) stays as it is.
///   Two ASCII letters are joined only when both stand alone (y j), two digits only across spaces and when both
///   stand alone (3 0 0), so English words, numbers and ranges (1.0-1.1) keep their form. `/` and `.` are not
///   separators: 元/月 and 1.从事 are how honest postings write units and lists.
/// - Circled digits ①…⑨ and ⓪ become 1…9 and 0; the keycap mark of 2⃣ (U+20E3, with or without U+FE0F) is dropped.
/// - Traditional characters become the simplified ones the packs are written in (繳納保證金 → 缴纳保证金; see
///   ``TraditionalChinese``), one character for one, so Hong Kong, Taiwan and Big5 texts meet the same patterns.
///   Those that are also standard simplified characters (著 in 著名, 乾 in 乾坤: ``TraditionalChinese/ambiguous``)
///   change only in a text that holds an unambiguous traditional character: 看著們 → 看着们, 著名企业 stays.
///
/// Nothing else changes: punctuation (，、。), emoji and every other character stay, so gaps such as `[^。！？]` and
/// exclusions that stop at a comma read the same sentence structure.
struct CompactedText {
    /// The compacted UTF-8 bytes (valid UTF-8 when the input was).
    let bytes: [UInt8]
    /// Where ``bytes`` come from, in order: a stretch copied from the original, or the replacement of an edit.
    private let pieces: [Piece]

    /// A stretch of ``bytes`` from `start` to the next piece's start (or the end): copied from the original at
    /// `original` when `replaced` is nil, else one scalar standing for the original bytes `original..<replaced`.
    private struct Piece {
        let start: Int32
        let original: Int32
        let replaced: Int32?
    }

    /// The original byte range a range of ``bytes`` was made from: from the start of the original character its
    /// first byte comes from to the end of the one its last byte comes from.
    func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < bytes.count ? origin(of: range.lowerBound).lowerBound
                : bytes.isEmpty ? 0 : origin(of: bytes.count - 1).upperBound
            return at..<at
        }
        return origin(of: range.lowerBound).lowerBound..<origin(of: range.upperBound - 1).upperBound
    }

    /// The original character (or edited range) the byte at `offset` of ``bytes`` comes from.
    private func origin(of offset: Int) -> Range<Int> {
        // The last piece starting at or before `offset` (the first piece starts at 0).
        var low = 0
        var high = pieces.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(pieces[middle].start) <= offset { low = middle } else { high = middle }
        }
        let piece = pieces[low]
        if let replaced = piece.replaced { return Int(piece.original)..<Int(replaced) }
        // A copied stretch holds whole characters: step back over continuation bytes to the character's lead.
        let pieceStart = Int(piece.start)
        let pieceEnd = low + 1 < pieces.count ? Int(pieces[low + 1].start) : bytes.count
        var lead = offset
        while lead > pieceStart, offset - lead < 3, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let end = max(min(lead + Self.sequenceLength(bytes[lead]), pieceEnd), offset + 1)
        let shift = Int(piece.original) - pieceStart
        return (lead + shift)..<(end + shift)
    }

    /// One change to the original: the bytes of `range` are dropped, or replaced by one scalar.
    struct Edit {
        let range: Range<Int>
        let replacement: UInt32?
    }

    /// The compacted form of `text` (valid UTF-8), or nil when compaction changes nothing (the common case, found
    /// in one pass without allocating).
    static func make(_ text: UnsafeBufferPointer<UInt8>) -> CompactedText? {
        guard let first = firstChange(text) else { return nil }
        let edits = self.edits(text, from: first)
        guard !edits.isEmpty else { return nil }
        // At most one output byte per input byte plus the growth of replacements (a one-byte digit for a three-byte
        // circled digit shrinks; a simplified character has the length of its traditional one).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count + 4 * edits.count)
        var pieces: [Piece] = []
        pieces.reserveCapacity(2 * edits.count + 1)
        // The stretches between edits are copied whole. Edits come in order, each on a character boundary of the
        // walk every pass makes (a lead byte's sequence length at a time), so a stretch holds whole characters; one
        // that overlapped the stretch before (never made) would end the editing, the rest copied as it is.
        var index = 0
        for edit in edits {
            guard edit.range.lowerBound >= index, edit.range.upperBound <= text.count else { break }
            if edit.range.lowerBound > index {
                pieces.append(Piece(start: Int32(bytes.count), original: Int32(index), replaced: nil))
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<edit.range.lowerBound]))
            }
            if let scalar = edit.replacement.flatMap(Unicode.Scalar.init), let encoded = UTF8.encode(scalar) {
                pieces.append(Piece(start: Int32(bytes.count), original: Int32(edit.range.lowerBound),
                                    replaced: Int32(edit.range.upperBound)))
                bytes.append(contentsOf: encoded)
            }
            index = edit.range.upperBound
        }
        if index < text.count {
            pieces.append(Piece(start: Int32(bytes.count), original: Int32(index), replaced: nil))
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[index...]))
        }
        // The first piece starts at 0, as the look-up needs (none when every byte was edited away: no bytes to map).
        return CompactedText(bytes: bytes, pieces: pieces)
    }

    /// A quick look for anything compaction would change — only separator bytes, the three-byte forms of the
    /// ideographic space and the decorated digits, and CJK characters against the traditional map are examined —
    /// returning where: the offset at which ``edits(_:from:)`` makes its first edit (the first separator of a run
    /// that is dropped, a character that is replaced, a keycap mark), or nil when compaction changes nothing.
    static func firstChange(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        TraditionalChinese.bitmap.withUnsafeBufferPointer { firstChange(text, from: 0, traditional: $0) }
    }

    /// ``firstChange(_:)`` reading from `start` (a character boundary, not inside a run of separators), with the
    /// traditional-character bitmap at hand (``TraditionalChinese/bitmap``: no reference counting in the loop,
    /// no decoding of the characters tested).
    private static func firstChange(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, traditional bits: UnsafeBufferPointer<UInt64>
    ) -> Int? {
        let count = text.count
        var index = start
        while index < count {
            let byte = text[index]
            let lead = byte &- 0xE4
            if lead < 6 {  // lead byte E4…E9, U+4000…U+9FFF: test the CJK ideographs against the bitmap
                if index + 2 < count,
                   bits[Int(lead) << 6 | Int(text[index + 1] & 0x3F)] >> UInt64(text[index + 2] & 0x3F) & 1 != 0 {
                    return index
                }
                index += 3
                continue
            }
            switch byte {
            case 0x20, 0x2D, 0x5F, 0x2A, 0x7E, 0x7C:
                if separatorJoins(text, at: index) { return index }
            case 0xC2:
                if index + 1 < count, text[index + 1] == 0xB7, separatorJoins(text, at: index) { return index }
            case 0xE3:
                if index + 2 < count, text[index + 1] == 0x80, text[index + 2] == 0x80,
                   separatorJoins(text, at: index) { return index }
            case 0xE2:
                guard index + 2 < count else { break }
                let (second, third) = (text[index + 1], text[index + 2])
                if (second == 0x91 && (0xA0...0xA8).contains(third)) || (second == 0x93 && third == 0xAA) {
                    return index
                }
                if second == 0x83, third == 0xA3, keycapFollowsDigit(text, at: index) { return index }
            default:
                break
            }
            // The rest of the character (its continuation bytes are none of the above), as the full pass steps.
            index += sequenceLength(byte)
        }
        return nil
    }

    /// Whether the separator run starting at `index` (and not preceded by a separator) is dropped.
    private static func separatorJoins(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index > 0 else { return false }
        let leftStart = scalarStart(text, before: index)
        let left = decode(text, at: leftStart).scalar
        guard !isSeparator(left) else { return false }  // not the run's first separator: seen already
        let beforeLeft = leftStart > 0 ? decode(text, at: scalarStart(text, before: leftStart)).scalar : 0
        var end = index
        var count = 0
        var onlySpaces = true
        while end < text.count, count <= 2 {
            let (scalar, length) = decode(text, at: end)
            guard isSeparator(scalar) else { break }
            onlySpaces = onlySpaces && (scalar == 0x20 || scalar == 0x3000)
            count += 1
            end += length
        }
        guard count <= 2, end < text.count else { return false }
        let (right, rightLength) = decode(text, at: end)
        let afterRight = end + rightLength < text.count ? decode(text, at: end + rightLength).scalar : 0
        return joins(left: left, beforeLeft: beforeLeft, right: right, afterRight: afterRight, onlySpaces: onlySpaces)
    }

    /// Whether the keycap mark at `index` follows a digit, directly or through U+FE0F.
    private static func keycapFollowsDigit(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index > 0 else { return false }
        let previousStart = scalarStart(text, before: index)
        let previous = decode(text, at: previousStart).scalar
        if isDigit(previous) { return true }
        guard previous == 0xFE0F, previousStart > 0 else { return false }
        return isDigit(decode(text, at: scalarStart(text, before: previousStart)).scalar)
    }

    /// The start of the scalar that ends just before `index`.
    static func scalarStart(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        var start = index - 1
        while start > 0, text[start] & 0xC0 == 0x80, index - start < 4 { start -= 1 }
        return start
    }

    /// The changes compaction makes, in order, reading from `start`: 0, or a character boundary no later than the
    /// first change (``firstChange(_:)``). The text between changes is skipped by the quick look; at each change the
    /// two characters before it are decoded backwards. (After a run of separators a pass reading every character
    /// would remember the run's first separator as the character before, this its last; both are separators, which
    /// is all the rules ask of them.)
    static func edits(_ text: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> [Edit] {
        TraditionalChinese.bitmap.withUnsafeBufferPointer { bits in
            var edits: [Edit] = []
            var index = min(max(start, 0), text.count)
            while let change = firstChange(text, from: index, traditional: bits) {
                index = edit(text, at: change, into: &edits)
            }
            // A traditional character was replaced (the only replacements outside ASCII): the text is traditional,
            // so its ambiguous characters change too, wherever they stand (also before `start`).
            if edits.contains(where: { ($0.replacement ?? 0) >= 0x80 }) { addAmbiguous(text, to: &edits) }
            return edits
        }
    }

    /// Merges the replacements of ``TraditionalChinese/ambiguous`` characters into `edits` (in order), reading the
    /// whole text a character at a time, as the other passes step (ideographs tested through
    /// ``TraditionalChinese/ambiguousBitmap``, as the quick look tests the others).
    private static func addAmbiguous(_ text: UnsafeBufferPointer<UInt8>, to edits: inout [Edit]) {
        var found: [Edit] = []
        TraditionalChinese.ambiguousBitmap.withUnsafeBufferPointer { bits in
            var index = 0
            while index < text.count {
                let byte = text[index]
                let lead = byte &- 0xE4
                if lead < 6, index + 2 < text.count,
                   bits[Int(lead) << 6 | Int(text[index + 1] & 0x3F)] >> UInt64(text[index + 2] & 0x3F) & 1 != 0 {
                    // The bitmap reads the low bits of the next two bytes; the decoded scalar decides (invalid UTF-8).
                    let (scalar, length) = decode(text, at: index)
                    if TraditionalChinese.ambiguous.contains(scalar), let simplified = TraditionalChinese.simplified[scalar] {
                        found.append(Edit(range: index..<(index + length), replacement: simplified))
                    }
                }
                index += sequenceLength(byte)
            }
        }
        guard !found.isEmpty else { return }
        // Ambiguous characters are ideographs: never inside a separator run, a keycap or another replacement, so no
        // two edits start at the same offset. (A rare path: only texts with a traditional character come here.)
        edits = (edits + found).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The edits of the character (or run of separators) at `index`, appended to `edits`; returns where the next
    /// character starts.
    private static func edit(_ text: UnsafeBufferPointer<UInt8>, at index: Int, into edits: inout [Edit]) -> Int {
        var previous: UInt32 = 0  // 0: none (start of text)
        var beforePrevious: UInt32 = 0
        var previousStart = 0
        if index > 0 {
            previousStart = scalarStart(text, before: index)
            previous = decode(text, at: previousStart).scalar
            if previousStart > 0 { beforePrevious = decode(text, at: scalarStart(text, before: previousStart)).scalar }
        }
        let (scalar, length) = decode(text, at: index)
        if isSeparator(scalar), index > 0 {
            var end = index + length
            var count = 1
            var onlySpaces = scalar == 0x20 || scalar == 0x3000
            while end < text.count {
                let (next, nextLength) = decode(text, at: end)
                guard isSeparator(next) else { break }
                onlySpaces = onlySpaces && (next == 0x20 || next == 0x3000)
                count += 1
                end += nextLength
            }
            if count <= 2, end < text.count {
                let (right, rightLength) = decode(text, at: end)
                let after = end + rightLength < text.count ? decode(text, at: end + rightLength).scalar : 0
                if joins(left: previous, beforeLeft: beforePrevious, right: right, afterRight: after,
                         onlySpaces: onlySpaces) {
                    edits.append(Edit(range: index..<end, replacement: nil))
                }
            }
            return end
        }
        switch scalar {
        case 0x2460...0x2468:
            edits.append(Edit(range: index..<(index + length), replacement: 0x31 + scalar - 0x2460))
        case 0x4E00..<0xA000 where TraditionalChinese.isMapped(scalar):
            edits.append(Edit(range: index..<(index + length), replacement: TraditionalChinese.simplified[scalar]))
        case 0x24EA:
            edits.append(Edit(range: index..<(index + length), replacement: 0x30))
        case 0x20E3:
            if isDigit(previous) || (previous == 0xFE0F && isDigit(beforePrevious)) {
                if previous == 0xFE0F, edits.last?.range.lowerBound != previousStart {
                    edits.append(Edit(range: previousStart..<index, replacement: nil))
                }
                edits.append(Edit(range: index..<(index + length), replacement: nil))
            }
        default:
            break
        }
        return index + length
    }

    /// Whether a separator run between `left` and `right` is dropped (see the type's documentation).
    static func joins(left: UInt32, beforeLeft: UInt32, right: UInt32, afterRight: UInt32, onlySpaces: Bool)
        -> Bool {
        guard isUnit(left), isUnit(right) else { return false }
        let leftAlone = !isUnit(beforeLeft)
        let rightAlone = !isUnit(afterRight)
        if isDigit(left) && isDigit(right) { return onlySpaces && leftAlone && rightAlone }
        if !isIdeograph(left) && !isIdeograph(right) { return leftAlone && rightAlone }
        return leftAlone || rightAlone
    }

    /// Bytes in the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar starting at `index` and its length in bytes (a truncated sequence yields what it has).
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
        let lead = text[index]
        let length = min(sequenceLength(lead), text.count - index)
        guard length > 1 else { return (UInt32(lead), 1) }
        var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { scalar = scalar << 6 | UInt32(text[index + offset] & 0x3F) }
        return (scalar, length)
    }

    static func isSeparator(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x20, 0x3000, 0x2D, 0x5F, 0xB7, 0x2A, 0x7E, 0x7C: return true
        default: return false
        }
    }

    private static func isIdeograph(_ scalar: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
    }

    static func isDigit(_ scalar: UInt32) -> Bool { (0x30...0x39).contains(scalar) }

    private static func isUnit(_ scalar: UInt32) -> Bool {
        isIdeograph(scalar) || isDigit(scalar) || (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar)
    }
}
