extension FlatJSON.Reader {
    /// Decodes a JSON string at the current position (escapes and surrogate pairs included).
    mutating func string() throws(FlatJSON.Failure) -> String {
        guard take(UInt8(ascii: "\"")) else { throw .malformed }
        let start = position
        var index = position
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        position = index
        if let byte = current, byte < 0x20 { throw .malformed }
        guard let stop = current else { throw .malformed }
        if stop == UInt8(ascii: "\"") {
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
            position += 1
            guard let text = String(validating: slice, as: UTF8.self) else { throw .invalidUTF8 }
            return text
        }
        var buffer = Array(bytes[start..<position])
        while let byte = current {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: buffer, as: UTF8.self) else { throw .invalidUTF8 }
                return text
            case UInt8(ascii: "\\"):
                try unescape(into: &buffer)
            default:
                if byte < 0x20 { throw .malformed }
                buffer.append(byte)
            }
        }
        throw .malformed
    }

    private mutating func unescape(into buffer: inout [UInt8]) throws(FlatJSON.Failure) {
        guard let byte = current else { throw .malformed }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hex4()
            if (0xD800...0xDBFF).contains(value) {
                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")) else { throw .malformed }
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw .malformed }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw .malformed }
            buffer.append(contentsOf: String(Character(scalar)).utf8)
        default: throw .malformed
        }
    }

    private mutating func hex4() throws(FlatJSON.Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw .malformed }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw .malformed
            }
            value = value << 4 | digit
        }
        return value
    }
}
