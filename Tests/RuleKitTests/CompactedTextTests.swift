@testable import PatternPack
import RuleKit
import SeededRandom
import Testing

@Suite("Spaced-out words and decorated digits (compacted view)")
struct CompactedTextTests {
    /// The compacted text, or nil when compaction leaves the text as it is.
    func compacted(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes in
            CompactedText.make(bytes).map { String(decoding: $0.bytes, as: UTF8.self) }
        }
    }

    @Test("single characters spaced out are joined", arguments: [
        ("交 押 金", "交押金"),
        ("衣 服 费 120", "衣服费120"),
        ("体 检 中 心，费用360", "体检中心，费用360"),
        ("押-金、押_金、押·金、押*金", "押金、押金、押金、押金"),
        ("先交会　员　费", "先交会员费"),
        ("交 y j 叁佰", "交yj叁佰"),
        ("收 卡💳", "收卡💳"),
        ("一套 3 0 0 元", "一套300元"),
        ("月薪5000 元", "月薪5000元"),
    ])
    func joined(input: String, expected: String) {
        #expect(compacted(input) == expected)
    }

    @Test("whole words, English words, numbers and punctuation keep their spacing", arguments: [
        "服务员 押金", "包吃住 五险一金", "Java 开发", "iPhone 15", "月薪 5000", "2023 5", "押 - - 金",
        "押，金", "押、金", "押金", "", "ok", "3000元/月", "1.从事仓库工作", "1.0-1.1", "3 - 5",
    ])
    func unchanged(input: String) {
        #expect(compacted(input) == nil)
    }

    @Test("traditional characters and written Cantonese meet the simplified patterns")
    func traditional() {
        #expect(compacted("繳納了求職保證金") == "缴纳了求职保证金")
        #expect(compacted("唔使考試，交畀公司") == "不使考试，交给公司")
        #expect(compacted("押金") == nil)
        #expect(compacted("按金") == nil)
    }

    @Test("characters that are also simplified (著, 乾, 瞭 …) change only in a traditional text", arguments: [
        ("著名企业诚聘", nil),
        ("瞭望塔值班，乾坤大挪移", nil),
        ("著 名 企业", "著名企业"),  // the spacing is still joined; 著 stays
        ("看著們的保證金", "看着们的保证金"),  // 著 before the first unambiguous traditional character
        ("於是繳費", "于是缴费"),
        ("著名 押 金", "著名押金"),
        ("唔使交，著名", "不使交，着名"),  // written Cantonese counts as a traditional text
    ] as [(String, String?)])
    func ambiguous(input: String, expected: String?) {
        #expect(compacted(input) == expected)
    }

    @Test("circled and keycap digits become plain digits")
    func digits() {
        #expect(compacted("扣扣：②⑧⑦⓪") == "扣扣：2870")
        #expect(compacted("工价2⃣8⃣/h") == "工价28/h")
        #expect(compacted("蔻蔻：5\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}") == "蔻蔻：52")
        #expect(compacted("❤\u{FE0F}加我") == nil)
    }

    @Test("a range of the compacted bytes maps back to the original characters")
    func offsets() throws {
        var text = "入职前交 押 金 ②⓪⓪元"
        try text.withUTF8 { bytes in
            let view = try #require(CompactedText.make(bytes))
            let compactedText = String(decoding: view.bytes, as: UTF8.self)
            #expect(compactedText == "入职前交押金 200元")
            let from = "入职前".utf8.count
            let original = view.originalRange(from..<(from + "交押金".utf8.count))
            #expect(String(decoding: bytes[original], as: UTF8.self) == "交 押 金")
            let digits = view.originalRange((view.bytes.count - 6)..<(view.bytes.count - 3))
            #expect(String(decoding: bytes[digits], as: UTF8.self) == "②⓪⓪")
            #expect(view.originalRange(3..<3) == 3..<3)
        }
    }

    @Test("the quick look finds a change exactly when the full pass makes one (random texts)")
    func quickLookAgrees() {
        let alphabet: [String] = ["押", "金", "交", "费", "費", "證", "唔", "服", "a", "B", "y", "7", "0", " ", " ", "\u{3000}", "-", "_", "·",
                                  "*", "~", "|", "/", ".", "，", "“", "”", "②", "⓪", "\u{FE0F}", "\u{20E3}", "❤", "😀", "著", "乾"]
        var generator = SplitMix64(seed: 18)
        for _ in 0..<3_000 {
            var text = (0..<generator.int(0...12)).map { _ in generator.pick(alphabet) }.joined()
            let (quick, full) = text.withUTF8 { bytes in
                (CompactedText.firstChange(bytes) != nil, !CompactedText.edits(bytes).isEmpty)
            }
            #expect(quick == full, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("the quick look tests every three-byte character against the traditional map, wherever it stands")
    func quickLookEveryIdeograph() {
        // Every scalar with a lead byte E4…E9 (U+4000…U+9FFF) and, around them, the other three-byte leads: alone, and
        // after an ASCII letter (so it does not start at offset 0), with an unmapped ideograph after it.
        var mismatches: [String] = []
        for value in UInt32(0x3001)..<0xB000 {  // from after the ideographic space, a separator
            guard let scalar = Unicode.Scalar(value) else { continue }
            for (text, offset) in [(String(scalar), 0), ("a" + String(scalar) + "工", 1)] {
                var copy = text
                let found = copy.withUTF8 { CompactedText.firstChange($0) }
                // The dictionary itself is the reference (the bitmap the look reads is built from it).
                let mapped = (0x4E00..<0xA000).contains(value) && TraditionalChinese.simplified[value] != nil
                    && !TraditionalChinese.ambiguous.contains(value)
                if found != (mapped ? offset : nil) { mismatches.append(String(value, radix: 16)) }
            }
        }
        #expect(mismatches.count == 0, "first scalars differing: \(mismatches.prefix(10))")
        #expect(TraditionalChinese.simplified[0x8CBB] != nil && TraditionalChinese.simplified[0x9A57] != nil)  // 費, 驗
        // Every ambiguous character has its simplified form in the table (so a traditional text maps it).
        #expect(TraditionalChinese.ambiguous.allSatisfy { TraditionalChinese.simplified[$0] != nil })
    }

    @Test("edits read from the first change equal the full pass's, and the view is the text with the edits applied")
    func editsFromFirstChange() {
        // Where reading from the first change needs the characters before it: a keycap after U+FE0F after a digit,
        // a run between a word and a lone letter, after another run.
        let fixed = ["押金 7\u{FE0F}\u{20E3}", "电话 1\u{FE0F}\u{20E3}2\u{20E3}", "押金 y 交", "工作 · 交 押 金", "费 - 证 ②",
                     "7\u{FE0F}\u{20E3}", "ab c 1 2"]
        #expect(fixed.allSatisfy(checkEdits))
        let alphabet: [String] = ["押", "金", "交", "费", "費", "證", "唔", "服", "a", "B", "y", "7", "0", " ", " ", "\u{3000}", "-", "_",
                                  "·", "*", "~", "|", "/", ".", "，", "“", "②", "⓪", "\u{FE0F}", "\u{20E3}", "❤", "😀", "é", "著"]
        var generator = SplitMix64(seed: 29)
        var changed = 0
        for _ in 0..<4_000 {
            if checkEdits((0..<generator.int(0...24)).map { _ in generator.pick(alphabet) }.joined()) { changed += 1 }
        }
        #expect(changed > 500)
    }

    @Test("the pass that skips to each change makes the edits of a pass that reads every character (random texts)")
    func skippingPassEqualsFullReading() {
        let alphabet: [String] = ["押", "金", "交", "费", "費", "證", "唔", "服", "a", "B", "y", "7", "0", " ", " ", "\u{3000}", "-", "_",
                                  "·", "*", "~", "|", "/", ".", "，", "“", "②", "⓪", "\u{FE0F}", "\u{20E3}", "❤", "😀", "é", "岗位",
                                  "著", "瞭"]
        var generator = SplitMix64(seed: 41)
        var edited = 0
        for _ in 0..<5_000 {
            let text = (0..<generator.int(0...40)).map { _ in generator.pick(alphabet) }.joined()
            var copy = text
            copy.withUTF8 { bytes in
                let expected = Self.editsReadingEveryCharacter(bytes)
                let found = CompactedText.edits(bytes)
                #expect(found.map(\.range) == expected.map(\.range) && found.map(\.replacement) == expected.map(\.replacement),
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                if !expected.isEmpty { edited += 1 }
            }
        }
        #expect(edited > 2_000)
    }

    /// The edits as the first implementation made them: every character decoded in turn, the two before it
    /// remembered (the reference for the pass that skips between changes).
    static func editsReadingEveryCharacter(_ text: UnsafeBufferPointer<UInt8>) -> [CompactedText.Edit] {
        var edits: [CompactedText.Edit] = []
        var ambiguous: [CompactedText.Edit] = []
        var traditionalText = false
        var previous: UInt32 = 0
        var beforePrevious: UInt32 = 0
        var previousStart = 0
        var index = 0
        while index < text.count {
            let (scalar, length) = CompactedText.decode(text, at: index)
            if TraditionalChinese.ambiguous.contains(scalar) {
                ambiguous.append(.init(range: index..<(index + length), replacement: TraditionalChinese.simplified[scalar]))
            }
            if CompactedText.isSeparator(scalar), index > 0 {
                var end = index + length
                var count = 1
                var onlySpaces = scalar == 0x20 || scalar == 0x3000
                while end < text.count {
                    let (next, nextLength) = CompactedText.decode(text, at: end)
                    guard CompactedText.isSeparator(next) else { break }
                    onlySpaces = onlySpaces && (next == 0x20 || next == 0x3000)
                    count += 1
                    end += nextLength
                }
                if count <= 2, end < text.count {
                    let (right, rightLength) = CompactedText.decode(text, at: end)
                    let after = end + rightLength < text.count ? CompactedText.decode(text, at: end + rightLength).scalar : 0
                    if CompactedText.joins(left: previous, beforeLeft: beforePrevious, right: right, afterRight: after,
                                           onlySpaces: onlySpaces) {
                        edits.append(.init(range: index..<end, replacement: nil))
                    }
                }
                (beforePrevious, previous, previousStart, index) = (scalar, scalar, index, end)
                continue
            }
            let range = index..<(index + length)
            switch scalar {
            case 0x2460...0x2468: edits.append(.init(range: range, replacement: 0x31 + scalar - 0x2460))
            case 0x24EA: edits.append(.init(range: range, replacement: 0x30))
            case 0x4E00..<0xA000 where TraditionalChinese.isMapped(scalar):
                edits.append(.init(range: range, replacement: TraditionalChinese.simplified[scalar]))
                traditionalText = true
            case 0x20E3 where CompactedText.isDigit(previous) || (previous == 0xFE0F && CompactedText.isDigit(beforePrevious)):
                if previous == 0xFE0F, edits.last?.range.lowerBound != previousStart {
                    edits.append(.init(range: previousStart..<index, replacement: nil))
                }
                edits.append(.init(range: range, replacement: nil))
            default: break
            }
            (beforePrevious, previous, previousStart, index) = (previous, scalar, index, index + length)
        }
        guard traditionalText, !ambiguous.isEmpty else { return edits }
        return (edits + ambiguous).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Checks ``CompactedText/edits(_:from:)`` from the first change against the full pass, and the view against
    /// the text with the full pass's edits applied; true when the text changes.
    func checkEdits(_ shown: String) -> Bool {
        var text = shown
        return text.withUTF8 { bytes -> Bool in
            let full = CompactedText.edits(bytes)
            let first = CompactedText.firstChange(bytes)
            #expect((first != nil) == !full.isEmpty, "\(shown)")
            guard let first else { return false }
            let quick = CompactedText.edits(bytes, from: first)
            #expect(quick.map(\.range) == full.map(\.range) && quick.map(\.replacement) == full.map(\.replacement),
                    "\(shown)")
            #expect(full.first.map { $0.range.lowerBound <= first } ?? false, "\(shown)")
            // The view, rebuilt from the full pass's edits one character at a time.
            var expected: [UInt8] = []
            var origins: [Range<Int>] = []
            var index = 0
            var pending = full[...]
            while index < bytes.count {
                if let edit = pending.first, edit.range.lowerBound == index {
                    pending = pending.dropFirst()
                    for byte in edit.replacement.flatMap(Unicode.Scalar.init).map({ Array(String($0).utf8) }) ?? [] {
                        expected.append(byte)
                        origins.append(edit.range)
                    }
                    index = edit.range.upperBound
                    continue
                }
                let length = bytes[index] < 0xC0 ? 1 : bytes[index] < 0xE0 ? 2 : bytes[index] < 0xF0 ? 3 : 4
                for offset in 0..<length {
                    expected.append(bytes[index + offset])
                    origins.append(index..<(index + length))
                }
                index += length
            }
            guard let view = CompactedText.make(bytes) else {
                Issue.record("no view for \(shown)")
                return true
            }
            #expect(view.bytes == expected, "\(shown)")
            #expect(view.bytes.indices.map { view.originalRange($0..<($0 + 1)) } == origins, "\(shown)")
            return true
        }
    }

    @Test("the shared cache returns each text's own view, also for texts of equal length")
    func cache() {
        let cache = CompactedViewCache()
        let spaced = String(repeating: "岗位职责，", count: 10) + "入职前交 押 金"
        let plain = String(repeating: "岗位职责，", count: 10) + "入职前交押金。"
        let other = String(repeating: "岗位职责，", count: 10) + "入职前交押金xx"
        #expect(other.utf8.count == spaced.utf8.count)
        func view(_ text: String) -> String? {
            var copy = text
            return copy.withUTF8 { bytes in cache.view(of: bytes).map { String(decoding: $0.bytes, as: UTF8.self) } }
        }
        for _ in 0..<2 {
            #expect(view(spaced) == String(repeating: "岗位职责，", count: 10) + "入职前交押金")
            #expect(view(other) == nil)
            #expect(view(plain) == nil)
            #expect(view("交 押 金") == "交押金")
        }
    }

    @Test("any bytes, valid UTF-8 or not: no crash, and every range maps inside the original")
    func arbitraryBytes() {
        // Bytes that matter to compaction (separators, lead bytes of ideographs, circled digits, keycaps, a
        // traditional character's bytes) mixed with stray continuation bytes and truncated sequences.
        let pieces: [[UInt8]] = [[0x20], [0x2D], [0x61], [0x37], [0xE4], [0xE8, 0xB2], Array("費".utf8), Array("押".utf8),
                                 [0xE2, 0x91, 0xA1], [0xE2, 0x83, 0xA3], [0xEF, 0xB8, 0x8F], [0x80], [0xBF], [0xF0, 0x9F],
                                 [0xC2, 0xB7], [0xE3, 0x80, 0x80], [0xFF]]
        var generator = SplitMix64(seed: 53)
        var made = 0
        for _ in 0..<4_000 {
            let bytes = (0..<generator.int(0...16)).flatMap { _ in generator.pick(pieces) }
            bytes.withUnsafeBufferPointer { text in
                _ = CompactedText.edits(text)
                guard let view = CompactedText.make(text) else { return }
                made += 1
                for lower in 0...view.bytes.count {
                    for upper in lower...min(view.bytes.count, lower + 4) {
                        let range = view.originalRange(lower..<upper)
                        #expect(range.lowerBound >= 0 && range.upperBound <= text.count, "\(bytes) \(lower)..<\(upper)")
                    }
                }
            }
        }
        #expect(made > 500)
    }

    @Test("invalid trailing bytes do not crash the decoder")
    func truncated() {
        let bytes: [UInt8] = Array("押 金".utf8) + [0xE6, 0x8A]
        let result = bytes.withUnsafeBufferPointer { CompactedText.make($0) }
        #expect(result.map { Array($0.bytes.prefix(6)) } == Array("押金".utf8))
    }
}

@Suite("A pack matches the compacted view too")
struct CompactedMatchingTests {
    func findings(_ text: String, engine: PackEngine) throws -> [Finding] {
        try Fixtures.demo(engine: engine).evaluate(Fixtures.posting(text), context: EmptyContext())
    }

    @Test("a spaced-out demand is found, with evidence in the original's offsets and words", arguments: PackEngine.allCases)
    func spacedDemand(engine: PackEngine) throws {
        let text = "入职前需交 押 金，包吃住"
        let finding = try #require(try findings(text, engine: engine).first { $0.rule == "demo.deposit_demand" })
        let evidence = try #require(finding.evidence.first)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[evidence.start..<evidence.end], as: UTF8.self) == "需交 押 金")
        #expect(evidence.excerpt.contains("需交 押 金"))
    }

    @Test("exclusions read the compacted view as well", arguments: PackEngine.allCases)
    func spacedNegation(engine: PackEngine) throws {
        #expect(try findings("我们不 收 取 任 何 押 金", engine: engine).isEmpty)
    }

    @Test("a traditional-script demand is found; an exclusion seen only in the compacted view cancels the match in the original", arguments: PackEngine.allCases)
    func traditionalScript(engine: PackEngine) throws {
        let text = "入職前需交押金"
        let finding = try #require(try findings(text, engine: engine).first { $0.rule == "demo.deposit_demand" })
        let evidence = try #require(finding.evidence.first)
        #expect(String(decoding: Array(text.utf8)[evidence.start..<evidence.end], as: UTF8.self) == "需交押金")
        // 交押金 reads the same in both scripts, so the original view matches it; only the compacted view reads 無需
        // as 无需 and so sees the negation, which must cancel the original view's match too.
        #expect(try findings("無需交押金", engine: engine).isEmpty)
    }

    @Test("a match in both views is reported once", arguments: PackEngine.allCases)
    func noDuplicateEvidence(engine: PackEngine) throws {
        let finding = try #require(try findings("入职前需交押金 另 外", engine: engine).first)
        #expect(finding.evidence.count == 1)
    }
}
