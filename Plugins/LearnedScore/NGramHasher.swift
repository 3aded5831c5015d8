import RuleKit

/// Turns the text fields of a subject into hashed character n-grams, without allocating per n-gram.
///
/// Each field's UTF-8 is decoded scalar by scalar. Scalars are normalised (ASCII and full-width Latin lower-cased
/// and folded to ASCII, every decimal digit to `0`, runs of white space to one space), then every n-gram of
/// `minN…maxN` normalised scalars is hashed with its field group into a bucket and a sign. The callback gets the
/// bucket, the sign and the UTF-8 byte range the n-gram covers in the original field text.
public struct NGramHasher: Sendable {
    /// The parameters in force.
    public let parameters: HashingParameters
    /// The feature group names, sorted; an n-gram's ``Occurrence/group`` indexes this list.
    public let groupNames: [String]
    private let shift: UInt64

    /// Creates a hasher; the parameters must be valid (see ``HashingParameters/problem``).
    public init(parameters: HashingParameters) {
        self.parameters = parameters
        groupNames = Array(Set(parameters.fieldGroups.values)).sorted()
        shift = UInt64(64 - min(max(parameters.bits, 1), 32))
    }

    /// One hashed n-gram occurrence.
    public struct Occurrence: Sendable {
        /// Bucket index in `0..<bucketCount`.
        public var bucket: Int
        /// +1 or -1 (signed hashing keeps collisions unbiased).
        public var sign: Float
        /// Index of the field in the subject's `fields`.
        public var fieldIndex: Int
        /// Ordinal of the field's feature group in ``NGramHasher/groupNames``.
        public var group: Int
        /// Length of the n-gram in normalised scalars.
        public var length: Int
        /// UTF-8 byte range of the n-gram in the field text.
        public var start: Int
        /// End (exclusive), UTF-8 bytes.
        public var end: Int
    }

    /// Calls `body` for every n-gram occurrence of the subject's model fields, in text order.
    public func forEachNGram(in subject: Subject, _ body: (Occurrence) -> Void) {
        forEachNGramInline(in: subject, body)
    }

    /// ``forEachNGram(in:_:)`` inlined into its caller with `body`, so that a caller on the scoring path pays no
    /// call and builds no ``Occurrence`` per n-gram (the optimiser drops the fields `body` does not read).
    @inline(__always)
    func forEachNGramInline(in subject: Subject, _ body: (Occurrence) -> Void) {
        for (fieldIndex, field) in subject.fields.enumerated() {
            guard let group = parameters.fieldGroups[field.name], !field.text.isEmpty else { continue }
            var text = field.text
            let salt = Self.salt(group)
            let ordinal = groupNames.firstIndex(of: group) ?? 0
            text.withUTF8 { bytes in
                scan(bytes, salt: salt, fieldIndex: fieldIndex, group: ordinal, body)
            }
        }
    }

    @inline(__always)
    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, salt: UInt64, fieldIndex: Int, group: Int, _ body: (Occurrence) -> Void
    ) {
        // The last three normalised scalars and where each started; index 2 is the newest.
        var window: (UInt32, UInt32, UInt32) = (0, 0, 0)
        var starts: (Int, Int, Int) = (0, 0, 0)
        var filled = 0
        var offset = 0
        while offset < bytes.count {
            let (raw, length) = Self.decode(bytes, at: offset)
            let scalar = Self.normalise(raw)
            let start = offset
            offset += length
            if scalar == 0x20 && filled > 0 && window.2 == 0x20 { continue }
            window = (window.1, window.2, scalar)
            starts = (starts.1, starts.2, start)
            filled = min(filled + 1, 3)
            for n in parameters.minN...parameters.maxN where n <= filled {
                var hash = salt ^ UInt64(n)
                if n == 3 { hash = SeededGenerator.mix(hash ^ UInt64(window.0)) }
                if n >= 2 { hash = SeededGenerator.mix(hash ^ UInt64(window.1)) }
                hash = SeededGenerator.mix(hash ^ UInt64(window.2))
                let first = n == 3 ? starts.0 : (n == 2 ? starts.1 : starts.2)
                body(Occurrence(
                    bucket: Int(truncatingIfNeeded: hash >> shift), sign: hash & 1 == 0 ? 1 : -1,
                    fieldIndex: fieldIndex, group: group, length: n, start: first, end: offset))
            }
        }
    }

    /// A 64-bit salt for a field group name.
    static func salt(_ group: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in group.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return SeededGenerator.mix(hash)
    }

    /// Decodes the scalar at `offset` of valid UTF-8 (Swift strings always are); returns it and its length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[offset])
        let remaining = bytes.count - offset
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0, remaining >= 2 { return ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2) }
        if lead < 0xF0, remaining >= 3 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
        }
        if remaining >= 4 {
            let value = (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
            return (value, 4)
        }
        return (0xFFFD, 1)
    }

    /// Folds case, full-width forms, digits and white space.
    @inline(__always)
    static func normalise(_ scalar: UInt32) -> UInt32 {
        var value = scalar
        if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
        switch value {
        case 0x41...0x5A: return value + 0x20
        case 0x30...0x39, 0xFF10...0xFF19: return 0x30
        case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000: return 0x20
        default: return value
        }
    }
}
