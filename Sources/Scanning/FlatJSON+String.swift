extension FlatJSON.Reader {
    /// Decodes a JSON string at the current position (escapes and surrogate pairs included); when its decoded
    /// bytes equal `previous`'s, returns `previous` without checking or copying them again.
    mutating func string(previous: String? = nil) throws(FlatJSON.Failure) -> String {
        guard take(UInt8(ascii: "\"")) else { throw .malformed("expected a string", at: position) }
        let opening = position - 1
        let start = position
        position = plainEnd(from: start)
        if let byte = current, byte < 0x20 { throw .malformed(Self.controlCharacter, at: position) }
        guard let stop = current else { throw .malformed("string not closed", at: opening) }
        if stop == UInt8(ascii: "\"") {
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
            position += 1
            if let previous, ValidatedText.same(previous, slice) { return previous }
            guard let text = ValidatedText.string(slice) else {
                throw FlatJSON.Failure(kind: .invalidUTF8, offset: start + Self.firstInvalidUTF8(slice), key: nil)
            }
            return text
        }
        // Escapes only shrink (`\n` → 1 byte, `\uXXXX` → at most 3), so the rest of the line bounds the decoded
        // string: reserved once (up to 64 KiB) instead of growing at every escape.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(min(bytes.count - start, 1 << 16))
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while let byte = current {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                if let previous, buffer.withUnsafeBufferPointer({ ValidatedText.same(previous, $0) }) {
                    return previous
                }
                let decoded = buffer.withUnsafeBufferPointer { ValidatedText.string($0) }
                // The fault's place in the line: the decoded text has other offsets once escapes were replaced.
                guard let text = decoded else {
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)])
                    throw FlatJSON.Failure(kind: .invalidUTF8, offset: start + Self.firstInvalidUTF8(raw), key: nil)
                }
                return text
            case UInt8(ascii: "\\"):
                try unescape(into: &buffer)
                // Copy the plain run up to the next quote, backslash or control byte in one go.
                let runEnd = plainEnd(from: position)
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<runEnd]))
                position = runEnd
            default:
                // plainEnd stops only at a quote, a backslash or a control byte: this is a raw control byte.
                throw .malformed(Self.controlCharacter, at: position - 1)
            }
        }
        throw .malformed("string not closed", at: opening)
    }

    static let controlCharacter = "control character in a string (write it as an escape such as \\n)"

    /// Offset of the first byte that does not begin a valid UTF-8 sequence (`bytes.count` when all are valid).
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// The slot of the key at the current position, nil when it is not wanted. A key without escapes is compared
    /// as bytes (and, when not wanted, only checked to be valid UTF-8); one with escapes is decoded first.
    mutating func keySlot(_ keys: JSONKeyTable) throws(FlatJSON.Failure) -> Int? {
        let opening = position
        guard take(UInt8(ascii: "\"")) else { throw .malformed("expected a key in quotes", at: position) }
        let start = position
        let stop = plainEnd(from: start)
        guard stop < bytes.count, bytes[stop] == UInt8(ascii: "\"") else {
            position = opening
            return keys.slot(of: try string())
        }
        position = stop + 1
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<stop])
        if let slot = keys.slot(ofRaw: raw) { return slot }
        guard raw.allSatisfy({ $0 < 0x80 }) || String(validating: raw, as: UTF8.self) != nil else {
            throw FlatJSON.Failure(kind: .invalidUTF8, offset: start + Self.firstInvalidUTF8(raw), key: nil)
        }
        return nil
    }

    /// The offset of the first `"`, `\` or control byte at or after `start` (the end when there is none), eight
    /// bytes at a time.
    func plainEnd(from start: Int) -> Int {
        var index = start
        let count = bytes.count
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                    | ((word &- ones &* 0x20) & ~word)
                if special & highs != 0 { break }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        return index
    }

    private mutating func unescape(into buffer: inout [UInt8]) throws(FlatJSON.Failure) {
        let backslash = position - 1
        guard let byte = current else { throw .malformed("string not closed", at: backslash) }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hex4(escape: backslash)
            if (0xD800...0xDBFF).contains(value) {
                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")) else {
                    throw .malformed(Self.unpairedSurrogate, at: backslash)
                }
                let low = try hex4(escape: position - 2)
                guard (0xDC00...0xDFFF).contains(low) else { throw .malformed(Self.unpairedSurrogate, at: backslash) }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw .malformed(Self.unpairedSurrogate, at: backslash) }
            buffer.append(contentsOf: String(Character(scalar)).utf8)
        default: throw .malformed("invalid escape (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", at: backslash)
        }
    }

    static let unpairedSurrogate = "unpaired surrogate in a \\u escape"

    private mutating func hex4(escape: Int) throws(FlatJSON.Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw .malformed("invalid \\u escape", at: escape) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw .malformed("invalid \\u escape", at: escape)
            }
            value = value << 4 | digit
        }
        return value
    }
}
