/// A fast reader for the top level of one JSON object (a JSON Lines record).
///
/// It decodes only the values of the keys asked for (strings as they are, numbers and booleans as their text,
/// `null` as nil) and skips everything else, nested objects and arrays included, without building them. Strings
/// that are decoded are checked to be valid UTF-8.
enum FlatJSON {
    enum Failure: Error {
        case malformed
        case invalidUTF8
    }

    /// The wanted keys' values; throws for malformed JSON, a top level that is not an object, or invalid UTF-8
    /// in a decoded key or value.
    static func values(_ bytes: UnsafeBufferPointer<UInt8>, wanted: Set<String>) throws(Failure) -> [String: String] {
        var reader = Reader(bytes: bytes)
        var result: [String: String] = [:]
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { throw .malformed }
        reader.skipSpace()
        if reader.take(UInt8(ascii: "}")) { return try reader.finish(result) }
        while true {
            reader.skipSpace()
            let key = try reader.string()
            reader.skipSpace()
            guard reader.take(UInt8(ascii: ":")) else { throw .malformed }
            reader.skipSpace()
            if wanted.contains(key) {
                result[key] = try reader.scalarText()
            } else {
                try reader.skipValue()
            }
            reader.skipSpace()
            if reader.take(UInt8(ascii: ",")) { continue }
            guard reader.take(UInt8(ascii: "}")) else { throw .malformed }
            return try reader.finish(result)
        }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            position += 1
            return true
        }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        mutating func finish(_ result: [String: String]) throws(Failure) -> [String: String] {
            skipSpace()
            guard position == bytes.count else { throw .malformed }
            return result
        }

        /// A value as text: strings decoded, numbers and booleans as written, null (and containers) as nil.
        mutating func scalarText() throws(Failure) -> String? {
            switch current {
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                try skipValue()
                return nil
            case UInt8(ascii: "n"):
                try literal("null")
                return nil
            default:
                let start = position
                try skipValue()
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw .malformed }
            for index in 0..<count where bytes[position + index] != word.utf8Start[index] { throw .malformed }
            position += count
        }

        /// Skips one value of any kind.
        mutating func skipValue() throws(Failure) {
            guard let byte = current else { throw .malformed }
            switch byte {
            case UInt8(ascii: "\""): try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["): try skipContainer()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = position
                while let next = current, next == UInt8(ascii: "-") || next == UInt8(ascii: "+") || next == UInt8(ascii: ".")
                        || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") || (0x30...0x39).contains(next) {
                    position += 1
                }
                if position == start { throw .malformed }
            default: throw .malformed
            }
        }

        mutating func skipString() throws(Failure) {
            position += 1
            while let byte = current {
                position += 1
                if byte == UInt8(ascii: "\"") { return }
                if byte == UInt8(ascii: "\\") { position += 1 }
            }
            throw .malformed
        }

        /// Skips a nested object or array (strings inside are respected; structure is checked only for balance).
        mutating func skipContainer() throws(Failure) {
            var depth = 0
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""): try skipString(); continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        position += 1
                        return
                    }
                default: break
                }
                position += 1
            }
            throw .malformed
        }
    }
}
