/// Finds phone numbers, WeChat and QQ ids, company names, unified social credit codes and 人力资源服务许可证
/// numbers in free Chinese text, including common obfuscations.
///
/// Pure and thread-safe. Ranges are UTF-8 byte offsets into the text.
///
/// Speed: one pass over the UTF-8 bytes (``ExtractionGates``) finds what each extractor can work on; phones and
/// company names are then read through small windows, and the text is folded whole only when a WeChat, QQ or
/// licence marker or an 18-character code run occurs. The output is the one of folding everything and running
/// every extractor (`GoldenExtractionTests` holds it to digests recorded before the shortcuts).
///
/// ```swift
/// let found = EntityExtractor.extract("联系电话：１３８ 一二三四 5678，微信 hr_zhang88")
/// found.entities // [phone:13812345678, wechat:hr_zhang88]
/// ```
///
/// What is *not* extracted: numbers inside longer digit strings (bank cards, order numbers, ID numbers), ids
/// without a marker (a bare word is never a WeChat id), generic company words (本公司, 中介公司).
public enum EntityExtractor {
    /// Extracts every entity of `text`.
    public static func extract(_ text: String) -> EntityExtraction {
        // One byte pass says which extractors can find anything; the others are skipped (see ExtractionGates).
        let gates = ExtractionGates(text)
        var result = EntityExtraction()
        if gates.needsFullText {
            let folded = FoldedText(text)
            result.mentions += phones(in: text, runs: gates.phoneRuns)
            if gates.wechat { result.mentions += MarkedIDs.wechat(folded) }
            if gates.qq { result.mentions += MarkedIDs.qq(folded) }
            result.mentions += CompanyNames.find(in: text, at: gates.companyStarts)
            if gates.licence { result.mentions += MarkedIDs.licences(folded) }
            if gates.creditCode {
                let codes = CreditCodes.find(folded)
                result.mentions += codes.valid
                result.invalidCreditCodes = codes.invalid
            }
        } else {
            result.mentions += phones(in: text, runs: gates.phoneRuns)
            result.mentions += CompanyNames.find(in: text, at: gates.companyStarts)
        }
        // Mentions are concatenated in the same order as always, so the sort sees the same input.
        result.mentions.sort { ($0.range.lowerBound, $0.entity) < ($1.range.lowerBound, $1.entity) }
        return result
    }

    /// Builds the extractor's lookup tables now (they are otherwise built at the first extraction: about 5 ms of
    /// classifying every BMP scalar). A module that extracts calls it while loading, so that the cost belongs to
    /// loading rather than to whichever posting comes first.
    public static func prepareTables() {
        _ = ExtractionGates.notPlain
        _ = ExtractionGates.lastFilter
        _ = ExtractionGates.markerList
    }

    /// Whether `text` may hold a unified social credit code, valid or not: false guarantees that ``extract(_:)``
    /// reports no `creditCode` mention and no invalid code. A cheap byte test for callers that need nothing else.
    public static func mayContainCreditCode(_ text: String) -> Bool { CreditCodes.mayContainCode(text) }

    // MARK: - Phones

    /// One run of digits (any form) and separators.
    struct DigitRun {
        /// Scalar index and digit value and whether it was an ASCII digit, for each digit.
        var digits: [(index: Int, value: UInt8, ascii: Bool)] = []
    }

    /// Maximal runs of digits, at most two separators in a row between digits.
    static func digitRuns(_ text: FoldedText) -> [DigitRun] {
        var runs: [DigitRun] = []
        var i = 0
        while i < text.count {
            guard let first = FoldedText.digit(text.scalars[i]) else { i += 1; continue }
            var run = DigitRun()
            run.digits.append((i, first, FoldedText.isASCIIDigit(text.scalars[i])))
            var j = i + 1
            var separators = 0
            while j < text.count {
                let s = text.scalars[j]
                if let d = FoldedText.digit(s) {
                    run.digits.append((j, d, FoldedText.isASCIIDigit(s)))
                    separators = 0
                } else if FoldedText.isNumberSeparator(s) && separators < 2 {
                    separators += 1
                } else {
                    break
                }
                j += 1
            }
            runs.append(run)
            i = (run.digits.last?.index ?? i) + 1
        }
        return runs
    }

    /// ``phones(_:)`` of the digit runs at byte ranges `runs` (from ``ExtractionGates``), each folded on its own.
    static func phones(in text: String, runs: [Range<Int>]) -> [EntityMention] {
        guard !runs.isEmpty else { return [] }
        var copy = text
        return copy.withUTF8 { bytes in
            runs.flatMap { phones(FoldedText(text, bytes: bytes, window: $0)) }
        }
    }

    /// Phone numbers: a whole digit run, or the run without Chinese numerals glued to its ends.
    static func phones(_ text: FoldedText) -> [EntityMention] {
        digitRuns(text).compactMap { run in
            var digits = run.digits[...]
            while true {
                guard digits.count >= 10 else { return nil }
                let string = String(decoding: digits.map { $0.value + 0x30 }, as: UTF8.self)
                if let phone = PhoneNumber.canonical(digits: string), let first = digits.first, let last = digits.last {
                    let range = first.index..<(last.index + 1)
                    return EntityMention(entity: Entity(kind: .phone, value: phone), range: text.byteRange(range),
                                         raw: text.raw(range))
                }
                if let first = digits.first, !first.ascii, digits.contains(where: \.ascii) {
                    digits = digits.dropFirst()
                } else if let last = digits.last, !last.ascii, digits.contains(where: \.ascii) {
                    digits = digits.dropLast()
                } else {
                    return nil
                }
            }
        }
    }
}
