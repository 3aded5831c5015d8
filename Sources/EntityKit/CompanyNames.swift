/// Finds company names in free text: a name ending in a legal form (…有限公司, …公司, …分公司), cut at the words
/// that start a clause (在, 被, 向 …) and stripped of generic determiners (一家, 该, 本 …).
enum CompanyNames {
    static let suffix = Array("公司".unicodeScalars)
    /// Characters a name is cut after (they start a clause, never a name in practice).
    static let cutAfter: Set<Unicode.Scalar> = ["在", "被", "向", "跟", "叫", "去", "从", "把", "让", "找", "说", "了",
                                                "是", "我", "他", "她", "们", "到", "给", "对", "经", "由", "称", "于", "与"]
    static let cutAfterBits = ScalarSet(cutAfter)
    /// Leading words that make a name generic.
    static let determiners = ["一家", "这家", "那家", "某家", "一个", "这个", "那个", "该", "本", "贵", "某", "其", "此"]
    static let determinerScalars = determiners.map { Array($0.unicodeScalars) }
    /// Names (before 公司) that are not names.
    static let generic: Set<String> = ["中介", "劳务", "派遣", "空壳", "皮包", "有限", "股份有限", "有限责任", "分", "子",
                                       "总", "母", "上市", "外包", "人力", "物流", "快递", "外卖", "平台", "科技", "网络"]

    /// ``generic`` as scalar arrays (each scalar of a name is one `Character`, so the comparisons agree).
    static let genericScalars = generic.map { Array($0.unicodeScalars) }
    static let longestGeneric = genericScalars.map(\.count).max() ?? 0

    /// Whether `core` is one of the ``generic`` words.
    static func isGeneric(_ core: ArraySlice<Unicode.Scalar>) -> Bool {
        core.count <= longestGeneric && genericScalars.contains { $0.elementsEqual(core) }
    }

    /// Legal-form words cut from the end of a name's core, longest first.
    static let legalForms = ["股份有限", "有限责任", "有限"].map { Array($0.unicodeScalars) }

    /// Whether the scalars contain 有限.
    static func hasLimited(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        zip(scalars, scalars.dropFirst()).contains { $0 == "有" && $1 == "限" }
    }

    /// The company names ending at each 公司 starting at a byte offset of `starts` (ascending), in text order.
    /// Each is read through a ``FoldedText`` window of the at most 40 scalars before the suffix, stopped early at a
    /// scalar no name holds: all that ``name(endingAt:suffixStart:in:)`` reads, so the text is never folded whole.
    static func find(in text: String, at starts: [Int]) -> [EntityMention] {
        guard !starts.isEmpty else { return [] }
        var copy = text
        return copy.withUTF8 { bytes in
            var found: [EntityMention] = []
            // One pair of buffers for every window: each window is done with before the next is read.
            var scalars: [Unicode.Scalar] = []
            var offsets: [Int] = []
            for p in starts {
                var windowStart = p
                var before = 0
                while windowStart > 0, before < 40 {
                    var previous = windowStart - 1
                    while previous > 0, bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
                    // The walk in name(endingAt:suffixStart:in:) stops at the first scalar no name holds: the
                    // window may start just after it.
                    guard mayBeInName(FoldedText.fold(ExtractionGates.decode(bytes, at: previous).0)) else { break }
                    windowStart = previous
                    before += 1
                }
                let mention = name(endingAt: before + suffix.count, suffixStart: before,
                                   in: FoldedText(text, bytes: bytes, window: windowStart..<min(bytes.count, p + 6),
                                                  reusing: &scalars, &offsets))
                if let mention { found.append(mention) }
            }
            return found
        }
    }

    /// Whether the walk back from 公司 goes on over `s` (folded): an ideograph, ASCII letter or digit or round bracket.
    @inline(__always)
    static func mayBeInName(_ s: Unicode.Scalar) -> Bool {
        FoldedText.isCJK(s) || FoldedText.isASCIILetter(s) || FoldedText.isASCIIDigit(s) || s == "(" || s == ")"
    }

    static func name(endingAt end: Int, suffixStart: Int, in text: FoldedText) -> EntityMention? {
        var start = suffixStart
        var depth = 0
        let cutAfter = Self.cutAfterBits
        while start > 0, suffixStart - start < 40 {
            let s = text.scalars[start - 1]
            if s == ")" { depth += 1 } else if s == "(" {
                guard depth > 0 else { break }
                depth -= 1
            } else if !(FoldedText.isCJK(s) || FoldedText.isASCIILetter(s) || FoldedText.isASCIIDigit(s)) {
                break
            }
            if cutAfter.contains(s), depth == 0 { break }
            start -= 1
        }
        while start < suffixStart {
            guard let determiner = determinerScalars.first(where: { text.matches($0, at: start) }) else { break }
            start += determiner.count
        }
        // The range holds only CJK ideographs, ASCII letters and digits and round brackets (the walk above stops at
        // anything else), so each scalar is one character and scalar comparisons equal the String ones.
        // The core is scalars start..<coreEnd: the legal form and a branch 分 cut off (indices, no copy).
        var coreEnd = suffixStart
        for form in legalForms
        where coreEnd - start >= form.count && text.scalars[(coreEnd - form.count)..<coreEnd].elementsEqual(form) {
            coreEnd -= form.count
            break
        }
        if coreEnd > start, text.scalars[coreEnd - 1] == "分" { coreEnd -= 1 }
        let core = text.scalars[start..<coreEnd]
        guard core.count >= 2 else { return nil }
        guard !isGeneric(core), core.count >= 4 || hasLimited(text.scalars[start..<end]) else { return nil }
        guard let value = EntityNormalizer.company(scalars: text.scalars[start..<end]) else { return nil }
        return EntityMention(entity: Entity(kind: .company, value: value), range: text.byteRange(start..<end),
                             raw: text.raw(start..<end))
    }
}
