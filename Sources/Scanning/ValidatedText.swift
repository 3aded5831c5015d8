import Foundation

/// Turns input bytes into a `String` only if they are valid UTF-8, faster than the standard library's check on the
/// text scans read (Chinese, ASCII, a few Latin letters).
///
/// `String(validating:)` checks about 1.5 bytes per nanosecond on Chinese text and was a third of the scan
/// pipeline's time. Here a pass over 64-bit words checks 8 bytes at a time that the text is made only of ASCII, two-byte
/// characters (lead C2–DF) and three-byte characters whose lead is E1–EC or EE–EF, each lead followed by exactly its
/// continuation bytes. Every such sequence is valid UTF-8: no overlong form (C0, C1 and E0 are left out), no
/// surrogate (ED is left out), nothing beyond U+FFFF. The `String` is then made without a second check. Text with
/// any other byte (four-byte characters such as emoji, the E0 and ED leads) or with a broken sequence goes to the
/// standard library, which decides; so the result is always exactly `String(validating:)`'s.
///
/// ```swift
/// let text = bytes.withUnsafeBufferPointer { ValidatedText.string($0) }  // nil for invalid UTF-8
/// ```
enum ValidatedText {
    /// The bytes as a `String`, or nil when they are not valid UTF-8.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if isSimpleValidUTF8(bytes) {
            return String(copying: UTF8Span(unchecked: bytes.span))
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Whether the bytes are valid UTF-8 (the same answer as ``string(_:)`` being non-nil, without the `String`).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isSimpleValidUTF8(bytes) || String(validating: bytes, as: UTF8.self) != nil
    }

    /// Whether `text`'s UTF-8 is exactly `bytes` (lengths first: texts that differ mostly differ in length). A
    /// decoder that finds the previous record's value again takes it instead of checking and copying the bytes
    /// (ADR 0026).
    @inline(__always)
    static func same(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        return text.utf8.withContiguousStorageIfAvailable { stored in
            stored.baseAddress.map { memcmp($0, base, bytes.count) == 0 } ?? false
        } ?? false
    }

    /// True only when `bytes` consist of ASCII, leads C2–DF, E1–EC, EE–EF and continuation bytes, each lead
    /// followed by exactly its continuation bytes (see the type's comment). False means "not shown valid here",
    /// not "invalid".
    static func isSimpleValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return true }
        // A byte is a continuation exactly when one of the two bytes before it is a lead that needs it: any lead
        // right before it, a three-byte lead two before it.
        var index = 0
        while index < min(count, 2) {
            guard simpleLane(base, at: index) else { return false }
            index += 1
        }
        let raw = UnsafeRawPointer(base)
        // Eight bytes at a time in a 64-bit word (little-endian: byte k is bits 8k…8k+7). Each test leaves its
        // answer in bit 7 of each byte: `w & (w << 1)` has bit 7 set where the top two bits are 11, and so on.
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= count {
            let w = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let w1 = raw.loadUnaligned(fromByteOffset: index - 1, as: UInt64.self)
            let w2 = raw.loadUnaligned(fromByteOffset: index - 2, as: UInt64.self)
            let continuation = w & ~(w << 1) & highs
            let expected = (w1 & (w1 << 1) | w2 & (w2 << 1) & (w2 << 2)) & highs
            let fourByteOrMore = w & (w << 1) & (w << 2) & (w << 3) & highs
            if continuation != expected || fourByteOrMore != 0 || hasByte(w, 0xE0) || hasByte(w, 0xED)
                || hasByte(w & 0xFEFE_FEFE_FEFE_FEFE, 0xC0) {
                return false
            }
            index += 8
        }
        while index < count {
            guard simpleLane(base, at: index) else { return false }
            index += 1
        }
        // The text may not end inside a character.
        if base[count - 1] >= 0xC0 { return false }
        if count >= 2, base[count - 2] >= 0xE0 { return false }
        return true
    }

    /// Whether any byte of `word` equals `byte` (exact as a yes/no answer).
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// The per-byte rule of ``isSimpleValidUTF8(_:)`` at one position.
    @inline(__always)
    private static func simpleLane(_ base: UnsafePointer<UInt8>, at index: Int) -> Bool {
        let byte = base[index]
        if byte >= 0xF0 || byte == 0xE0 || byte == 0xED || byte == 0xC0 || byte == 0xC1 { return false }
        let previous = index >= 1 ? base[index - 1] : 0
        let beforePrevious = index >= 2 ? base[index - 2] : 0
        let expected = previous >= 0xC0 || beforePrevious >= 0xE0
        return (byte & 0xC0 == 0x80) == expected
    }
}
