import Testing
@testable import PCRE2
import SeededRandom

/// Generates rule-style patterns and Chinese texts (seeded) for the equivalence property.
struct RuleStyleGenerator {
    var rng: SplitMix64
    static let feeWords = ["押金", "保证金", "报名费", "培训费", "服装费", "体检费", "工本费"]
    static let verbs = ["交", "缴", "缴纳", "先交", "收取", "支付", "预付", "需交"]
    static let contacts = ["微信", "V信", "vx", "VX", "Vx", "QQ", "qQ", "扣扣", "加我", "KeFu", "\u{212A}efu", "\u{017F}"]
    static let ordinary = ["公司", "招聘", "岗位", "工作", "时间", "地点", "薪资", "待遇", "包吃住", "五险一金",
                           "经验", "要求", "面试", "入职", "员工", "服务员", "普工", "日结", "月薪", "元", "不", "无需",
                           "免费", "，", "。", "！", "3000", "８", "一", "百", " ", "-", "\n", "a"]

    mutating func word(from list: [String]) -> String { rng.pick(list) }

    mutating func alternation(_ list: [String]) -> String {
        let n = rng.int(1...4)
        return "(?:" + (0..<n).map { _ in rng.pick(list) }.joined(separator: "|") + ")"
    }

    mutating func piece() -> String {
        switch rng.int(0...9) {
        case 0: return alternation(Self.verbs)
        case 1: return alternation(Self.feeWords)
        case 2: return "[^。！？!?\\n]{0,\(rng.int(0...8))}"
        case 3: return "(?<![不无免])"
        case 4: return "(?:" + rng.pick(Self.ordinary) + ")?"
        case 5: return "\\d{1,4}" + rng.pick(["元", "块", ""])
        case 6: return rng.pick(["(?i:vx|wx|weixin)", "(?i:kefu|qq)", "[Vv][Xx]", "(?i)s?"])
        case 7: return rng.pick(["押", "保"]) + "[\\s\\-_.·*/|，,、~]{0,2}金"
        case 8: return alternation(Self.contacts)
        default:
            let w = rng.pick(Self.ordinary)
            return w == "\n" ? "\\n" : w
        }
    }

    mutating func pattern() -> String {
        var parts = (0..<rng.int(1...4)).map { _ in piece() }
        if rng.chance(0.15) { parts.insert("(?!不)", at: 0) }
        var p = parts.joined()
        if rng.chance(0.1) { p += "|" + piece() }
        return p
    }

    mutating func text() -> String {
        let pools = [Self.feeWords, Self.verbs, Self.contacts, Self.ordinary, Self.ordinary, Self.ordinary]
        return (0..<rng.int(0...60)).map { _ in rng.pick(rng.pick(pools)) }.joined()
    }
}

@Suite("PatternSet")
struct PatternSetTests {
    @Test("prefilter and naive engines return identical matches on generated rules and texts",
          arguments: [(PatternOptions(), UInt64(20_261_129)), (.caseless, 4_242)])
    func equivalence(options: PatternOptions, seed: UInt64) throws {
        var gen = RuleStyleGenerator(rng: SplitMix64(seed: seed))
        let sources = (0..<100).map { _ in gen.pattern() }
        let naive = try PatternSet(patterns: sources, options: options, engine: .naive)
        let prefilter = try PatternSet(patterns: sources, options: options, engine: .prefilter)
        #expect(prefilter.statistics.patternsWithLiterals > 60)
        let naiveScratch = naive.makeScratch(), prefilterScratch = prefilter.makeScratch()
        var total = 0
        for _ in 0..<500 {
            let text = gen.text()
            let expected = try naive.scan(text, scratch: naiveScratch)
            let actual = try prefilter.scan(text, scratch: prefilterScratch)
            #expect(actual == expected, "text of \(text.utf8.count) bytes")
            total += expected.count
        }
        #expect(total > 500)
        #expect(prefilterScratch.counters.patternsRun < naiveScratch.counters.patternsRun * 3 / 4)
    }

    @Test("letters in any case, the Kelvin sign and the long s: the prefilter finds what the naive engine finds",
          arguments: [PatternOptions(), .caseless])
    func asciiCase(options: PatternOptions) throws {
        let sources = ["(?i:vx|wx)[:：]?\\w{3,}", "[Vv][Xx]\\d+", "(?i)kefu\\d*", "(?i:qq)号?\\d{5,}", "(?i)sx",
                       "加(?i:weixin|vx)", "QQ\\d+", "(?i:app)下载"]
        let texts = ["加VX:abc123", "加Vx1234，wX_ab", "KEFU 1，Kefu2，\u{212A}efu3", "qQ号123456，QQ99999",
                     "Sx \u{017F}x sX", "加WeiXin，加vX", "APP下载，App下载", "ＶＸ123", "qq123"]
        let naive = try PatternSet(patterns: sources, options: options, engine: .naive)
        let prefilter = try PatternSet(patterns: sources, options: options)
        let naiveScratch = naive.makeScratch(), prefilterScratch = prefilter.makeScratch()
        var total = 0
        for text in texts {
            let expected = try naive.scan(text, scratch: naiveScratch)
            #expect(try prefilter.scan(text, scratch: prefilterScratch) == expected, "\(text)")
            total += expected.count
        }
        #expect(total >= 12)
        // Every pattern has a literal (after K or S, the letters that follow), so none runs on every text.
        #expect(prefilter.statistics.patternsWithLiterals == sources.count)
    }

    @Test("starting PCRE2 near the first literal keeps lookbehinds, gaps and repeated matches intact", arguments: [
        "工作轻松，包吃住。本岗位不交押金，另需交押金200元，交押金", "交 押金交押金", "押金", "。。。需交纳押金",
        String(repeating: "普工招聘，", count: 40) + "先交培训费，不收押金，收押金",
    ])
    func startNearLiteral(text: String) throws {
        let sources = ["(?<![不无免])(?:收|交)[^。]{0,4}押金", "(?:需交|先交|交纳)[^。，]{0,8}(?:押金|培训费)",
                       "\\d{1,4}元", "(?<=，)[^，]{0,3}押金", "押金|培训费", "(?:收|交)押金(?!\\d)"]
        let naive = try PatternSet(patterns: sources, engine: .naive)
        let prefilter = try PatternSet(patterns: sources)
        let expected = try naive.scan(text, scratch: naive.makeScratch())
        #expect(try prefilter.scan(text, scratch: prefilter.makeScratch()) == expected)
    }

    @Test("matches that start at a literal's last occurrence are found when PCRE2 stops trying there", arguments: [
        "押金1元，押金22元，押金333元", "交押金。保证金50元。交押金7元", "押金押金押金9元", "保证金8元押金",
        "押金" + String(repeating: "，普工", count: 30) + "，交押金40元",
    ])
    func lastOccurrenceBound(text: String) throws {
        // Shortest literal first or last, \K, a second required set, a match ending the text.
        let sources = ["押金\\d+元", "(?:保证金|押金)\\d+元", "交\\K押金\\d*", "(?:交|缴)[^。]{0,3}押金\\d+元", "金\\d+元$"]
        let naive = try PatternSet(patterns: sources, engine: .naive)
        let prefilter = try PatternSet(patterns: sources)
        let expected = try naive.scan(text, scratch: naive.makeScratch())
        #expect(!expected.isEmpty)
        #expect(try prefilter.scan(text, scratch: prefilter.makeScratch()) == expected)
    }

    @Test("long texts with sparse literals: runs split into windows near the occurrences find the same matches",
          arguments: [PatternOptions(), .caseless])
    func windowedRuns(options: PatternOptions) throws {
        var gen = RuleStyleGenerator(rng: SplitMix64(seed: 30_112_026))
        let sources = (0..<100).map { _ in gen.pattern() }
        let naive = try PatternSet(patterns: sources, options: options, engine: .naive)
        let prefilter = try PatternSet(patterns: sources, options: options)
        let naiveScratch = naive.makeScratch(), prefilterScratch = prefilter.makeScratch()
        var total = 0
        for _ in 0..<150 {
            // A few rule-style phrases far apart in long stretches of ordinary words.
            var text = ""
            for _ in 0..<gen.rng.int(2...5) {
                text += (0..<gen.rng.int(40...160)).map { _ in gen.rng.pick(["公司", "岗位", "工作时间", "，", "食堂"]) }
                    .joined()
                text += gen.text()
            }
            let expected = try naive.scan(text, scratch: naiveScratch, maxMatchesPerPattern: 3)
            #expect(try prefilter.scan(text, scratch: prefilterScratch, maxMatchesPerPattern: 3) == expected,
                    "text of \(text.utf8.count) bytes")
            total += expected.count
        }
        #expect(total > 300)
        #expect(prefilterScratch.counters.windowedRuns > 100)
    }

    @Test("a match found in one window that reaches past the next one is reported once; the cap spans windows")
    func windowBoundaries() throws {
        let set = try PatternSet(patterns: ["押金[^。]{0,30}元"])
        let filler = String(repeating: "普工", count: 60)
        // The first 押金's match runs past the second 押金 (a separate window, 27 bytes on) to 元.
        let text = filler + "押金啊啊啊啊啊啊啊押金啊元" + filler + "押金三百元" + filler + "押金五元"
        let naive = try PatternSet(patterns: ["押金[^。]{0,30}元"], engine: .naive)
        let scratch = set.makeScratch()
        let expected = try naive.scan(text, scratch: naive.makeScratch())
        #expect(expected.map(\.range.count) == [39, 15, 12])
        #expect(try set.scan(text, scratch: scratch) == expected)
        #expect(scratch.counters.windowedRuns == 1)
        #expect(try set.scan(text, scratch: scratch, maxMatchesPerPattern: 2) == Array(expected.prefix(2)))
        // Dense occurrences: one run over the whole range.
        let dense = String(repeating: "押金五元，", count: 80)
        #expect(try set.scan(dense, scratch: scratch) == naive.scan(dense, scratch: naive.makeScratch()))
        #expect(scratch.counters.windowedRuns == 2)
    }

    @Test("sets built with a literal cache analyse each source once and choose the same literals")
    func literalCache() throws {
        var gen = RuleStyleGenerator(rng: SplitMix64(seed: 77))
        let sources = (0..<60).map { _ in gen.pattern() }
        let cache = RequiredLiteralCache()
        let plain = try PatternSet(patterns: sources)
        let cached = try PatternSet(patterns: sources, literalCache: cache)
        let analysed = cache.count
        #expect(analysed == Set(sources).count)
        let subset = Array(sources.suffix(20))
        let again = try PatternSet(patterns: subset, literalCache: cache)
        #expect(cache.count == analysed)
        for index in sources.indices {
            #expect(cached.requiredLiteralSets(ofPattern: index) == plain.requiredLiteralSets(ofPattern: index))
        }
        for index in subset.indices {
            #expect(again.requiredLiteralSets(ofPattern: index) == plain.requiredLiteralSets(ofPattern: index + 40))
        }
    }

    @Test("sets built with a pattern cache share each compiled pattern while a set holds it, per options")
    func patternCache() throws {
        var gen = RuleStyleGenerator(rng: SplitMix64(seed: 78))
        let sources = (0..<40).map { _ in gen.pattern() }
        let cache = CompiledPatternCache()
        var all: PatternSet? = try PatternSet(patterns: sources, patternCache: cache)
        #expect(cache.count == Set(sources).count)
        let subset = Array(sources.suffix(15))
        let some = try PatternSet(patterns: subset, patternCache: cache)
        #expect(cache.count == Set(sources).count)
        for index in subset.indices {
            #expect(some.patterns[index] === all?.patterns[index + 25])
        }
        // Other options (the naive engine does not ask PCRE2 for offset limits): compiled apart.
        let naive = try PatternSet(patterns: subset, engine: .naive, patternCache: cache)
        #expect(naive.patterns[0] !== some.patterns[0])
        #expect(!naive.patterns[0].options.contains(.offsetLimit) && some.patterns[0].options.contains(.offsetLimit))
        // Held weakly: patterns only `all` held are freed with it; the ones `some` holds stay shared.
        all = nil
        #expect(cache.count == Set(subset).count * 2)
        let again = try PatternSet(patterns: sources, patternCache: cache)
        #expect(again.patterns[39] === some.patterns[14])
        let texts = (0..<60).map { _ in gen.text() }
        let fresh = try PatternSet(patterns: sources)
        let scratch = again.makeScratch()
        let freshScratch = fresh.makeScratch()
        for text in texts {
            #expect(try again.scan(text, scratch: scratch) == fresh.scan(text, scratch: freshScratch))
        }
    }

    @Test("a top-level alternation runs only when one branch's sets all occurred")
    func branchesSelectOneByOne() throws {
        let set = try PatternSet(patterns: ["(?:先交[^。]{0,4}押金|加[^。]{0,3}微信)", "押金|微信"])
        let branches = set.requiredLiteralBranches(ofPattern: 0)
        #expect(branches.map { Set($0.map(Set.init)) } == [[["押金"], ["先交"]], [["微信"], ["加"]]])
        // One required set for the pattern as a whole: the union of the branches' first sets.
        #expect(set.requiredLiteralSets(ofPattern: 0).map(Set.init) == [Set(branches.map { $0[0][0] })])
        #expect(set.requiredLiteralBranches(ofPattern: 1).count == 1)  // no branch gains a second set: whole
        #expect(set.statistics.patternsSplitIntoBranches == 1)
        let scratch = set.makeScratch()
        #expect(try set.scan("押金。微信。", scratch: scratch).map(\.pattern) == [1, 1])
        #expect(scratch.runsPerPattern == [0, 1])
        let found = try set.scan("请加我微信，先交押金", scratch: scratch)
        #expect(found.filter { $0.pattern == 0 }.map(\.range) == [3..<15, 18..<30])
        #expect(scratch.runsPerPattern == [1, 2])
    }

    @Test("two sets close together by the pattern, though its start is unbounded: far-apart occurrences do not run it")
    func pairBoundAfterUnboundedStart() throws {
        let fees = ["报名费", "押金", "保证金", "服装费", "培训费", "资料费", "体检费", "办证费", "工本费", "会员费",
                    "入职费", "上岗费", "材料费", "建档费", "拍照费", "工牌费", "诚意金"]
        // As in the pack's amount pattern, a caseless branch makes the fee words a part of their own (not exact), so
        // the sets come from two parts: the fee words' and 元|块.
        let source = "[0-9一二三四五六七八九十]+\\s*(?:元|块)(?:的)?(?:" + fees.joined(separator: "|") + "|(?i:gps)费)"
        let set = try PatternSet(patterns: [source])
        let sets = set.requiredLiteralSets(ofPattern: 0).map(Set.init)
        #expect(sets.count == 2 && sets.contains(["元", "块"]))
        let scratch = set.makeScratch()
        let filler = String(repeating: "包吃包住，工作轻松。", count: 3)
        #expect(try set.scan("月薪3000元。" + filler + "押金另计", scratch: scratch).isEmpty)
        #expect(scratch.counters.patternsRun == 0)
        #expect(try set.scan(filler + "先交300元的押金", scratch: scratch).map(\.range.count) == [Array("300元的押金".utf8).count])
        #expect(scratch.counters.patternsRun == 1)
    }

    @Test("patterns with an unbounded start and sets after it: the naive engine's matches",
          arguments: [UInt64(5_150), 5_151])
    func unboundedStartEquivalence(seed: UInt64) throws {
        var gen = RuleStyleGenerator(rng: SplitMix64(seed: seed))
        let sources = (0..<60).map { _ in
            gen.rng.pick(["\\d+", "[0-9一二三]+", ".*?", "[^。]*"]) + (0..<gen.rng.int(2...4)).map { _ in gen.piece() }.joined()
        }
        let naive = try PatternSet(patterns: sources, engine: .naive)
        let prefilter = try PatternSet(patterns: sources)
        #expect(prefilter.statistics.patternsWithSecondSet > 5)
        let result = try Self.compareEngines(naive, prefilter, gen: &gen, longEvery: 4, longParts: 20)
        #expect(result.matches > 100)
    }

    /// Scans 300 generated texts (every `longEvery`-th one made of `longParts` texts) with both sets and expects
    /// the same matches; returns how many there were and both scratches' counters.
    static func compareEngines(_ naive: PatternSet, _ prefilter: PatternSet, gen: inout RuleStyleGenerator,
                               longEvery: Int, longParts: Int) throws
        -> (matches: Int, naive: PatternSet.ScanCounters, prefilter: PatternSet.ScanCounters)
    {
        let naiveScratch = naive.makeScratch(), prefilterScratch = prefilter.makeScratch()
        var total = 0
        for round in 0..<300 {
            let text = round % longEvery == 0 ? (0..<longParts).map { _ in gen.text() }.joined() : gen.text()
            let expected = try naive.scan(text, scratch: naiveScratch)
            #expect(try prefilter.scan(text, scratch: prefilterScratch) == expected, "text of \(text.utf8.count) bytes")
            total += expected.count
        }
        return (total, naiveScratch.counters, prefilterScratch.counters)
    }

    @Test("which alternations are selected by branch: the whole pattern or its one group; parsed in one pass",
          arguments: [
            ("(?:先交[^。]{0,4}押金|加[^。]{0,3}微信)", 2), ("先交[^。]{0,4}押金|加[^。]{0,3}微信", 2),
            ("(先交[^。]{0,4}押金|加[^。]{0,3}微信)", 2), ("(?:(?:先交[^。]{0,4}押金|加[^。]{0,3}微信))", 2),
            ("先交[|)]{0,4}押金|加[^。\\]|]{0,3}微信", 2), ("(?i)先交[^。]{0,4}押金|加[^。]{0,3}[Vv][Xx]", 2),
            ("(?:先交[^。]{0,4}押金|加[^。]{0,3}微信)+", 1), ("^(?:先交[^。]{0,4}押金|加[^。]{0,3}微信)", 1),
            ("(?:先交[^。]{0,4}押金|加[^。]{0,3}微信)元", 1), ("先交[^。]{0,4}押金|\\d+", 1), ("押金|微信", 1),
          ])
    func branchUnits(source: String, units: Int) throws {
        let set = try PatternSet(patterns: [source])
        #expect(set.requiredLiteralBranches(ofPattern: 0).count == units)
        #expect(set.statistics.patternsSplitIntoBranches == (units > 1 ? 1 : 0))
    }

    @Test("alternations split into branches: the naive engine's matches, short and long texts, both case modes",
          arguments: [(PatternOptions(), UInt64(3_011)), (.caseless, 3_012)])
    func branchEquivalence(options: PatternOptions, seed: UInt64) throws {
        var gen = RuleStyleGenerator(rng: SplitMix64(seed: seed))
        let sources = (0..<60).map { _ in
            let branches = (0..<gen.rng.int(2...5)).map { _ in (0..<gen.rng.int(1...4)).map { _ in gen.piece() }.joined() }
            return gen.rng.chance(0.5) ? "(?:" + branches.joined(separator: "|") + ")" : branches.joined(separator: "|")
        }
        let naive = try PatternSet(patterns: sources, options: options, engine: .naive)
        let prefilter = try PatternSet(patterns: sources, options: options)
        #expect(prefilter.statistics.patternsSplitIntoBranches > 10)
        // Every third text is long (several kilobytes), so runs are also split into windows.
        let result = try Self.compareEngines(naive, prefilter, gen: &gen, longEvery: 3, longParts: 40)
        #expect(result.matches > 300)
        #expect(result.prefilter.windowedRuns > 0)
        #expect(result.prefilter.patternsRun < result.naive.patternsRun)
    }

    @Test("the documented example returns the documented byte ranges")
    func documentedExample() throws {
        let set = try PatternSet(patterns: ["(?:先交|缴纳)[^。]{0,8}押金", "加(?:微信|V信)"])
        let found = try set.scan("入职需缴纳押金，加V信", scratch: set.makeScratch())
        #expect(found == [PatternMatch(pattern: 0, range: 9..<21), PatternMatch(pattern: 1, range: 24..<31)])
    }

    @Test("a pattern with two required sets runs only when both occurred")
    func secondSet() throws {
        let set = try PatternSet(patterns: ["(?:先交|缴纳)[^。]{0,8}押金"])
        #expect(set.requiredLiteralSets(ofPattern: 0).map(Set.init) == [["押金"], ["先交", "缴纳"]])
        #expect(set.statistics.patternsWithSecondSet == 1)
        let scratch = set.makeScratch()
        #expect(try set.scan("本公司不收押金", scratch: scratch).isEmpty)
        #expect(scratch.counters.patternsRun == 0)
        #expect(try set.scan("需缴纳保证金。押金另计", scratch: scratch).isEmpty)
        #expect(scratch.counters.patternsRun == 1)
        #expect(try set.scan("押金。先交押金", scratch: scratch) == [PatternMatch(pattern: 0, range: 9..<21)])
    }

    @Test("a pattern with two required sets runs only when occurrences of both are close enough to share a match")
    func pairDistance() throws {
        // 押金 ends at most 3 + 8·4 + 6 bytes after the match start, 交/缴 at least 3 bytes after it: a 押金 ending
        // more than 38 bytes after the latest 交/缴 cannot be in a match with it, nor can a 交 after the 押金.
        let set = try PatternSet(patterns: ["(?:交|缴)[^。]{0,8}押金"])
        #expect(set.requiredLiteralSets(ofPattern: 0).map(Set.init) == [["押金"], ["交", "缴"]])
        let scratch = set.makeScratch()
        let far = "交通便利" + String(repeating: "，", count: 12) + "押金另计"
        #expect(try set.scan(far, scratch: scratch).isEmpty)
        #expect(try set.scan("押金另计，交通便利", scratch: scratch).isEmpty)
        #expect(scratch.counters.patternsRun == 0)
        // Ends 39 bytes apart (eleven characters between): too far. 36 bytes (ten between): close enough to run,
        // though [^。]{0,8} does not reach. Eight between: runs and matches.
        #expect(try set.scan("交" + String(repeating: "啊", count: 11) + "押金", scratch: scratch).isEmpty)
        #expect(scratch.counters.patternsRun == 0)
        #expect(try set.scan("交" + String(repeating: "啊", count: 10) + "押金", scratch: scratch).isEmpty)
        #expect(scratch.counters.patternsRun == 1)
        let near = "交" + String(repeating: "啊", count: 8) + "押金"
        #expect(try set.scan(near, scratch: scratch) == [PatternMatch(pattern: 0, range: 0..<33)])
        #expect(scratch.counters.patternsRun == 2)
        // A close pair late in the text after a far one early on still runs the pattern.
        let both = "缴" + String(repeating: "，", count: 20) + "押金。交押金"
        #expect(try set.scan(both, scratch: scratch) == [PatternMatch(pattern: 0, range: 72..<81)])
        #expect(scratch.counters.patternsRun == 3)
    }

    @Test("occurrences of both sets interleaved: only a close pair runs the pattern, wherever it lies")
    func interleavedPairs() throws {
        // 押金 must end at most 38 bytes after a 交/缴; a 交/缴 after a 押金 never pairs with it.
        let set = try PatternSet(patterns: ["(?:交|缴)[^。]{0,8}押金"])
        let scratch = set.makeScratch()
        let gap = String(repeating: "，", count: 20)
        // 押金 … 交 … 押金 … 交: every 交 is far from the 押金 after it.
        #expect(try set.scan("押金" + gap + "交" + gap + "押金" + gap + "交", scratch: scratch).isEmpty)
        #expect(scratch.counters.patternsRun == 0)
        // The same with the middle pair close: runs and matches.
        let text = "押金" + gap + "交" + gap + "缴押金" + gap + "交"
        #expect(try set.scan(text, scratch: scratch) == [PatternMatch(pattern: 0, range: 129..<138)])
        #expect(scratch.counters.patternsRun == 1)
        // A close pair before a far one, and 交/缴 before all 押金 (close) or after all of them (never).
        #expect(try set.scan("缴押金" + gap + "交" + gap + "押金", scratch: scratch).map(\.range) == [0..<9])
        #expect(try set.scan("交啊押金", scratch: scratch).map(\.range) == [0..<12])
        #expect(try set.scan("押金交缴", scratch: scratch).isEmpty)
        #expect(scratch.counters.patternsRun == 3)
    }

    @Test("a scratch whose scan counter wraps around forgets the marks of earlier scans")
    func generationWraps() throws {
        let set = try PatternSet(patterns: ["(?:交|缴)[^。]{0,8}押金", "押金\\d+"])
        let scratch = set.makeScratch()
        #expect(try set.scan("交押金5", scratch: scratch).map(\.pattern) == [0, 1])
        // The first scan marked both sets and the candidate at generation 1; the counter now wraps to 0 and
        // restarts at 1, so stale marks would read as this scan's.
        scratch.generation = UInt32.max
        #expect(try set.scan("交押金5", scratch: scratch) == [PatternMatch(pattern: 0, range: 0..<9),
                                                              PatternMatch(pattern: 1, range: 3..<10)])
        #expect(try set.scan("押金", scratch: scratch).isEmpty)
    }

    @Test("results are sorted by pattern then start, and capped per pattern")
    func sortedAndCapped() throws {
        let set = try PatternSet(patterns: ["金", "押金|保证金", "\\d+"])
        let text = "押金100元，保证金200元，押金"
        let found = try set.scan(text, scratch: set.makeScratch(), maxMatchesPerPattern: 2)
        #expect(found == found.sorted())
        #expect(found.filter { $0.pattern == 0 }.count == 2)
        #expect(found.filter { $0.pattern == 1 }.map(\.range) == [byteRange(of: "押金", in: text), byteRange(of: "保证金", in: text)].compactMap { $0 })
        #expect(found.filter { $0.pattern == 2 }.count == 2)
    }

    @Test("a compile error names the pattern index, message and offset")
    func compileError() {
        #expect {
            _ = try PatternSet(patterns: ["押金", "(?:缴纳", "保证金"])
        } throws: { error in
            guard let error = error as? PatternSetError else { return false }
            return error.patternIndex == 1 && error.offset == Array("(?:缴纳".utf8).count && !error.message.isEmpty
        }
    }

    @Test("a limit hit names the pattern and is not swallowed")
    func limitAttributed() throws {
        let set = try PatternSet(patterns: ["押金", "(a+)+$"], limits: MatchLimits(matchLimit: 10_000))
        let text = "押金" + String(repeating: "a", count: 2_000) + "!"
        #expect(throws: MatchError.limitExceeded(.match, pattern: 1)) {
            try set.scan(text, scratch: set.makeScratch())
        }
    }

    @Test("invalid UTF-8 is rejected before scanning")
    func invalidBytes() throws {
        let set = try PatternSet(patterns: ["押金"])
        let bytes: [UInt8] = Array("押金".utf8) + [0xFF]
        #expect(throws: MatchError.invalidUTF8(offset: 6)) {
            try bytes.withUnsafeBufferPointer { buffer throws(MatchError) in
                try set.scan(buffer, scratch: set.makeScratch())
            }
        }
    }

    @Test("statistics describe the prefilter")
    func statistics() throws {
        let set = try PatternSet(patterns: ["押金|保证金", "\\d+", "(?:交|缴)押金"])
        #expect(set.statistics.patternCount == 3)
        #expect(set.statistics.patternsWithLiterals == 2)
        #expect(set.statistics.literalCount == 4)
        #expect(set.statistics.automatonStates > 4)
        #expect(set.requiredLiterals(ofPattern: 1) == nil)
        #expect(Set(set.requiredLiterals(ofPattern: 0) ?? []) == ["押金", "保证金"])
        let naive = try PatternSet(patterns: ["押金"], engine: .naive)
        #expect(naive.statistics.automatonStates == 0)
    }

    @Test("one set used from several tasks at once, each with its own scratch, gives the same results")
    func concurrentUse() async throws {
        var gen = RuleStyleGenerator(rng: SplitMix64(seed: 99))
        let set = try PatternSet(patterns: (0..<40).map { _ in gen.pattern() })
        let texts = (0..<200).map { _ in gen.text() }
        let scratch = set.makeScratch()
        let expected = try texts.map { try set.scan($0, scratch: scratch) }
        let results = try await withThrowingTaskGroup(of: [[PatternMatch]].self) { group in
            for _ in 0..<6 {
                group.addTask {
                    let own = set.makeScratch()
                    return try texts.map { try set.scan($0, scratch: own) }
                }
            }
            var all: [[[PatternMatch]]] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 6)
        for result in results { #expect(result == expected) }
    }
}
