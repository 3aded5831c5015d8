/// What each extractor of ``EntityExtractor`` can find, read in one pass over a text's UTF-8 bytes without building
/// a ``FoldedText``.
///
/// Everything is computed on the folded scalars (``FoldedText/fold(_:)``). The flags are supersets of what the
/// extractors need: a false flag guarantees that extractor reports nothing, so skipping it changes no output.
/// - `phoneRuns`: the digit runs exactly as ``EntityExtractor/digitRuns(_:)`` builds them, kept when they have at
///   least 10 digits (``EntityExtractor/phones(_:)`` never reports a shorter one).
/// - `wechat`, `qq`, `licence`: a marker of ``MarkedIDs`` occurs (ASCII compared case-insensitively, glued Latin
///   letters not checked); licences need `许可证`, part of every licence marker.
/// - `companyStarts`: every `公司`, the suffix ``CompanyNames`` starts from.
/// - `creditCode`: a maximal run of exactly 18 ASCII letters and digits (``CreditCodes/find(_:)``'s first test).
struct ExtractionGates {
    /// Byte ranges, first digit to end of last digit, of the digit runs with at least 10 digits.
    var phoneRuns: [Range<Int>] = []
    var wechat = false
    var qq = false
    var licence = false
    /// Byte offsets of each 公司.
    var companyStarts: [Int] = []
    var creditCode = false

    /// Whether an extractor that reads the whole folded text (WeChat, QQ, licence, credit code) may find something.
    var needsFullText: Bool { wechat || qq || licence || creditCode }

    /// What each marker sets: 0 WeChat, 1 QQ, 2 licence, 3 company.
    struct Marker {
        /// The marker's lower-cased scalar values, last first (no marker holds a character that folding changes).
        let reversed: [UInt32]
        let gate: Int
    }

    static let markerList: [Marker] = {
        let groups = [MarkedIDs.wechatMarkers, MarkedIDs.qqMarkers, [Array("许可证".unicodeScalars)], [CompanyNames.suffix]]
        return groups.enumerated().flatMap { gate, list in
            list.map { Marker(reversed: $0.reversed().map { FoldedText.lower($0).value }, gate: gate) }
        }
    }()
    static let markerLasts = markerList.map { $0.reversed[0] }

    /// A 4 096-bit filter of the markers' last scalars (value modulo 4 096).
    static let lastFilter: [UInt64] = markerList.reduce(into: [UInt64](repeating: 0, count: 64)) { filter, marker in
        let value = marker.reversed[0] & 4095
        filter[Int(value >> 6)] |= 1 << UInt64(value & 63)
    }

    init(_ text: String) {
        var copy = text
        self = copy.withUTF8 { Self(bytes: $0) }
    }

    /// The digit run being read: its digits, separators in a row since the last digit, first byte, end of last digit.
    struct DigitRunState {
        var digits = 0
        var separators = 0
        var start = 0
        var end = 0
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        let filter = Self.lastFilter
        let notPlain = Self.notPlain
        let low = Self.asciiSeparatorsLow
        let high = Self.asciiSeparatorsHigh
        var run = DigitRunState()
        var codeRun = 0
        var index = 0
        while index < bytes.count {
            let scalarStart = index
            var value = UInt32(bytes[index])
            if value < 0x80 {
                index += 1
            } else {
                let (scalar, width) = Self.decode(bytes, at: index)
                index += width
                if scalar.value < 0x10000, notPlain[Int(scalar.value >> 6)] & (1 << UInt64(scalar.value & 63)) == 0 {
                    // Most ideographs: no digit, separator, code character, marker end or folding. They end runs,
                    // and the plain three-byte scalars after them change nothing more.
                    resetCodeRun(&codeRun)
                    endDigitRun(&run)
                    while index + 2 < bytes.count, bytes[index] & 0xF0 == 0xE0 {
                        let next = (UInt32(bytes[index]) & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                            | UInt32(bytes[index + 2] & 0x3F)
                        guard notPlain[Int(next >> 6)] & (1 << UInt64(next & 63)) == 0 else { break }
                        index += 3
                    }
                    continue
                }
                value = FoldedText.fold(scalar).value
            }
            // `value` is now the folded scalar: ASCII classified by bit masks, the rest by the shared helpers.
            let digit: Bool
            if value < 0x80 {
                digit = value >= 0x30 && value <= 0x39
                if digit || ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A) { codeRun += 1 } else { resetCodeRun(&codeRun) }
            } else {
                resetCodeRun(&codeRun)
                digit = Self.isNumeral(value)
            }
            if digit {
                if run.digits == 0 { run.start = scalarStart }
                run.digits += 1
                run.separators = 0
                run.end = index
            } else if run.digits > 0, run.separators < 2, Self.isSeparator(value, low, high) {
                run.separators += 1
            } else {
                endDigitRun(&run)
            }
            if value >= 0x41 && value <= 0x5A { value += 32 }
            if filter[Int(value & 4095) >> 6] & (1 << UInt64(value & 63)) != 0 { matchMarkers(value, bytes, scalarStart) }
        }
        resetCodeRun(&codeRun)
        endDigitRun(&run)
    }

    /// Ends the digit run being read (``EntityExtractor/digitRuns(_:)`` ends it at the same scalar).
    @inline(__always)
    mutating func endDigitRun(_ run: inout DigitRunState) {
        if run.digits >= 10 { phoneRuns.append(run.start..<run.end) }
        run.digits = 0
        run.separators = 0
    }

    /// Checks every marker ending in `value`, the folded, lower-cased scalar starting at byte `start`.
    mutating func matchMarkers(_ value: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) {
        let lasts = Self.markerLasts
        for m in lasts.indices where lasts[m] == value {
            let marker = Self.markerList[m]
            guard let first = Self.start(of: marker, bytes, endingWith: start) else { continue }
            switch marker.gate {
            case 0: wechat = true
            case 1: qq = true
            case 2: licence = true
            default: companyStarts.append(first)
            }
        }
    }

    /// The byte offset where `marker` starts when the scalars before the one at byte `start` (whose folded,
    /// lower-cased value is the marker's last) spell the rest of it. Walks back over the UTF-8: markers are rare.
    static func start(of marker: Marker, _ bytes: UnsafeBufferPointer<UInt8>, endingWith start: Int) -> Int? {
        var index = start
        for k in 1..<marker.reversed.count {
            guard index > 0 else { return nil }
            index -= 1
            while index > 0, bytes[index] & 0xC0 == 0x80 { index -= 1 }
            var value = FoldedText.fold(decode(bytes, at: index).0).value
            if value >= 0x41 && value <= 0x5A { value += 32 }
            guard value == marker.reversed[k] else { return nil }
        }
        return index
    }

    /// ASCII number separators of ``FoldedText/isNumberSeparator(_:)`` as bit masks (scalar values 0–63, 64–127).
    static let asciiSeparatorsLow: UInt64 = " \t-.()/*".unicodeScalars.reduce(0) { $0 | 1 << UInt64($1.value) }
    static let asciiSeparatorsHigh: UInt64 = "_~".unicodeScalars.reduce(0) { $0 | 1 << UInt64($1.value - 64) }

    /// A bit per BMP scalar, set for those the pass must look at: folded ones (``FoldedText/fold(_:)``), Chinese
    /// numerals, number separators and the last scalars of markers. Clear bits are scalars that only end runs.
    static let notPlain: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for value in UInt32(0x80)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = FoldedText.fold(scalar)
            let lowered = FoldedText.lower(folded).value
            if folded != scalar || FoldedText.digit(scalar) != nil || FoldedText.isNumberSeparator(scalar)
                || markerList.contains(where: { $0.reversed[0] == lowered }) {
                bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
            }
        }
        return bits
    }()

    /// ``FoldedText/isNumberSeparator(_:)`` of a folded scalar value, ASCII by the masks `low` and `high`.
    @inline(__always)
    static func isSeparator(_ value: UInt32, _ low: UInt64, _ high: UInt64) -> Bool {
        if value < 0x80 { return (value < 64 ? low : high) & (1 << UInt64(value & 63)) != 0 }
        return Unicode.Scalar(value).map(FoldedText.isNumberSeparator) ?? false
    }

    /// Whether a non-ASCII folded scalar is a Chinese numeral (``FoldedText/digit(_:)``).
    @inline(__always)
    static func isNumeral(_ value: UInt32) -> Bool {
        switch value {
        case 0x96F6, 0x3007, 0x4E00, 0x58F9, 0x5E7A, 0x4E8C, 0x8D30, 0x4E24, 0x4E09, 0x53C1, 0x56DB, 0x8086, 0x4E94,
             0x4F0D, 0x516D, 0x9646, 0x4E03, 0x67D2, 0x516B, 0x634C, 0x4E5D, 0x7396: true
        default: false
        }
    }

    /// Ends a run of code characters: exactly 18 opens the credit-code gate.
    @inline(__always)
    mutating func resetCodeRun(_ run: inout Int) {
        if run == 18 { creditCode = true }
        run = 0
    }

    /// The scalar starting at `index` of valid UTF-8 and its width in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            let v = (b0 & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 2)
        }
        if b0 < 0xF0 {
            let v = (b0 & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        let v = (b0 & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
    }
}
