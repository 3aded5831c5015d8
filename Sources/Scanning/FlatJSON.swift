import Foundation

/// A fast reader for the top level of one JSON object (a JSON Lines record), working on the line's UTF-8 bytes.
///
/// It decodes only the values of the keys asked for (strings as they are, numbers and booleans as their text,
/// arrays and objects as the strings inside them, one per line, `null` as nil) and skips everything else, nested objects and arrays included, without building them. Keys are
/// compared as bytes with the wanted names (a key is decoded only when it holds escapes); no `String` is built for
/// a key or a value that was not asked for. Decoded values and every key are checked to be valid UTF-8 (skipped
/// values are not, as before).
enum FlatJSON {
    /// What is wrong with a line and where: the byte offset in the line (0-based) and, when it lies in the value of
    /// a wanted key, that key. Messages name the place and the kind of fault, never the line's content.
    struct Failure: Error, Equatable {
        enum Kind: Equatable {
            /// Not JSON as RFC 8259 writes it; the reason in words.
            case malformed(String)
            /// A decoded value or a key is not valid UTF-8.
            case invalidUTF8
        }

        var kind: Kind
        /// Byte offset in the line where the fault was found.
        var offset: Int
        /// The wanted key whose value was being read, if any.
        var key: String?

        static func malformed(_ reason: String, at offset: Int) -> Failure {
            Failure(kind: .malformed(reason), offset: offset, key: nil)
        }

        /// The problem as reported for a line, e.g. `malformed JSON in "description" at byte 26: invalid \u escape`.
        var message: String {
            let place = (key.map { "in \"\($0)\" " } ?? "") + "at byte \(offset)"
            switch kind {
            case .malformed(let reason): return "malformed JSON \(place): \(reason)"
            case .invalidUTF8: return "invalid UTF-8 \(place)"
            }
        }
    }

    /// Writes each wanted key's value into its slot of `slots` (which must have one entry per name of `keys`
    /// and is reset to nil first). A key given twice keeps its last value; `null` leaves nil.
    ///
    /// `previous`: the values of the record before, by slot (or empty). A string value whose decoded bytes equal
    /// the previous value of its slot is that value: the same bytes, so valid UTF-8 again, and neither checked nor
    /// copied a second time (one employer's postings repeat their company introduction, ADR 0026).
    static func values(_ bytes: UnsafeBufferPointer<UInt8>, keys: JSONKeyTable, into slots: inout [String?],
                       previous: [String?]) throws(Failure)
    {
        for index in slots.indices { slots[index] = nil }
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { throw .malformed("not an object", at: reader.position) }
        reader.skipSpace()
        if reader.take(UInt8(ascii: "}")) { return try reader.finish() }
        while true {
            reader.skipSpace()
            let slot = try reader.keySlot(keys)
            reader.skipSpace()
            guard reader.take(UInt8(ascii: ":")) else { throw .malformed("expected : after a key", at: reader.position) }
            reader.skipSpace()
            if let slot {
                do {
                    slots[slot] = try reader.scalarText(previous: slot < previous.count ? previous[slot] : nil)
                } catch {
                    var failure = error
                    failure.key = keys.names[slot]
                    throw failure
                }
            } else {
                try reader.skipValue()
            }
            reader.skipSpace()
            if reader.take(UInt8(ascii: ",")) { continue }
            guard reader.take(UInt8(ascii: "}")) else {
                throw .malformed("expected , or } after a value", at: reader.position)
            }
            return try reader.finish()
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

        mutating func finish() throws(Failure) {
            skipSpace()
            guard position == bytes.count else { throw .malformed("more after the object", at: position) }
        }

        /// A value as text: strings decoded, numbers and booleans as written, null as nil, and an array or object
        /// as the strings inside it (keys included), each decoded and on a line of its own, so that text inside it —
        /// `["先交押金"]`, `["\u5148\u4ea4"]` — is scanned, not dropped. A string equal to `previous` is `previous`.
        mutating func scalarText(previous: String?) throws(Failure) -> String? {
            switch current {
            case UInt8(ascii: "\""): return try string(previous: previous)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let start = position
                try skipValue()
                let end = position
                // The container is balanced and its strings closed (skipValue checked); decode each string in it.
                var texts: [String] = []
                position = start
                while position < end {
                    if current == UInt8(ascii: "\"") { texts.append(try string()) } else { position += 1 }
                }
                position = end
                return texts.joined(separator: "\n")
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
            guard position + count <= bytes.count else { throw .malformed("invalid value", at: position) }
            for index in 0..<count where bytes[position + index] != word.utf8Start[index] {
                throw .malformed("invalid value", at: position)
            }
            position += count
        }

        /// Skips one value of any kind.
        mutating func skipValue() throws(Failure) {
            guard let byte = current else { throw .malformed("value missing at the end of the line", at: position) }
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
                if position == start { throw .malformed("invalid number", at: start) }
            default: throw .malformed("invalid value", at: position)
            }
        }

        /// Skips a string: finds each `"` with `memchr` and ends at the first one preceded by an even run of
        /// backslashes (the same strings as stepping over `\\` + any byte; no escape or UTF-8 check).
        mutating func skipString() throws(Failure) {
            let opening = position
            position += 1
            guard let base = bytes.baseAddress else { throw .malformed("string not closed", at: opening) }
            while position < bytes.count {
                guard let hit = memchr(base + position, 0x22, bytes.count - position) else { break }
                let quote = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                var backslashes = 0
                while quote - backslashes - 1 > opening && bytes[quote - backslashes - 1] == UInt8(ascii: "\\") {
                    backslashes += 1
                }
                position = quote + 1
                if backslashes % 2 == 0 { return }
            }
            position = bytes.count
            throw .malformed("string not closed", at: opening)
        }

        /// Skips a nested object or array (strings inside are respected; structure is checked only for balance).
        mutating func skipContainer() throws(Failure) {
            let opening = position
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
            throw .malformed("array or object not closed", at: opening)
        }
    }
}
