/// Strict UTF-8 validation and character stepping on raw bytes.
enum UTF8Validation {
    /// Offset of the first invalid sequence in `bytes`, or nil if all of it is valid UTF-8
    /// (no overlongs, no surrogates, nothing above U+10FFFF).
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            guard let length = sequenceLength(at: i, in: bytes) else { return i }
            i += length
        }
        return nil
    }

    /// Length of the valid sequence starting at `i`, or nil if it is invalid.
    private static func sequenceLength(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let b0 = bytes[i], n = bytes.count
        func cont(_ k: Int) -> UInt8? { i + k < n && bytes[i + k] & 0xC0 == 0x80 ? bytes[i + k] : nil }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) == nil ? nil : 2
        case 0xE0...0xEF:
            guard let b1 = cont(1), cont(2) != nil else { return nil }
            if b0 == 0xE0 && b1 < 0xA0 { return nil }  // overlong
            if b0 == 0xED && b1 > 0x9F { return nil }  // surrogate
            return 3
        case 0xF0...0xF4:
            guard let b1 = cont(1), cont(2) != nil, cont(3) != nil else { return nil }
            if b0 == 0xF0 && b1 < 0x90 { return nil }  // overlong
            if b0 == 0xF4 && b1 > 0x8F { return nil }  // above U+10FFFF
            return 4
        default:
            return nil
        }
    }

    /// Number of bytes of the character starting with lead byte `b` (valid UTF-8 assumed; 1 for anything odd).
    @inline(__always)
    static func characterLength(leadByte b: UInt8) -> Int {
        if b < 0xC0 { return 1 }
        if b < 0xE0 { return 2 }
        if b < 0xF0 { return 3 }
        return 4
    }
}
