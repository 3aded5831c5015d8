import PCRE2
import SeededRandom
import Testing

@Suite("Pattern set: watched literals")
struct PatternSetWatchTests {
    static let patterns = ["(?:先交|缴纳)[^。]{0,8}押金", "加(?:微信|V信)", "刷单"]

    @Test("a scan reports whether a watched literal occurred (ASCII letters in any case), for that scan only; matches are unchanged")
    func flag() throws {
        var rng = SplitMix64(seed: 20)
        let alphabet = ["押金", "中介", "劳务", "派遣", "加", "微信", "V信", "vx", "VX", "。", "a", "先交", "刷单", " "]
        let watch = ["中介", "劳务派遣", "vx"]
        let watching = try PatternSet(patterns: Self.patterns, watch: watch)
        let plain = try PatternSet(patterns: Self.patterns)
        #expect(watching.watchesLiterals && !plain.watchesLiterals)
        let (a, b) = (watching.makeScratch(), plain.makeScratch())
        var seen = (yes: 0, no: 0)
        for _ in 0..<400 {
            let text = (0..<rng.int(0...12)).map { _ in rng.pick(alphabet) }.joined()
            let expected = watch.contains { text.lowercased().contains($0) }
            #expect(try watching.scan(text, scratch: a) == plain.scan(text, scratch: b), "\(text)")
            #expect(a.watchedLiteralOccurred == expected, "\(text)")
            #expect(!b.watchedLiteralOccurred)
            if expected { seen.yes += 1 } else { seen.no += 1 }
        }
        #expect(seen.yes > 50 && seen.no > 50)
    }

    @Test("the naive engine watches nothing; a set without patterns still watches")
    func engines() throws {
        let naive = try PatternSet(patterns: Self.patterns, engine: .naive, watch: ["中介"])
        #expect(!naive.watchesLiterals)
        let scratch = naive.makeScratch()
        _ = try naive.scan("正规中介", scratch: scratch)
        #expect(!scratch.watchedLiteralOccurred)
        let empty = try PatternSet(patterns: [], watch: ["中介"])
        let emptyScratch = empty.makeScratch()
        #expect(try empty.scan("正规中介", scratch: emptyScratch).isEmpty)
        #expect(emptyScratch.watchedLiteralOccurred)
    }

    @Test("the literals every candidate needs: one occurs wherever a pattern can run; none when a pattern always runs")
    func literalsEveryCandidateNeeds() throws {
        let set = try PatternSet(patterns: Self.patterns)
        let needed = try #require(set.literalsEveryCandidateNeeds)
        #expect(Set(needed).isSuperset(of: ["刷单"]))
        // No text without one of them has a match.
        var rng = SplitMix64(seed: 21)
        let alphabet = ["押金", "加", "微信", "V信", "。", "先交", "缴纳", "刷", "单", "x"]
        let scratch = set.makeScratch()
        for _ in 0..<300 {
            let text = (0..<rng.int(0...40)).map { _ in rng.pick(alphabet) }.joined()
            if !needed.contains(where: { text.lowercased().contains($0.lowercased()) }) {
                #expect(try set.scan(text, scratch: scratch).isEmpty, "\(text)")
            }
        }
        #expect(try PatternSet(patterns: Self.patterns + [#"\d{11}"#]).literalsEveryCandidateNeeds == nil)
        #expect(try PatternSet(patterns: Self.patterns, engine: .naive).literalsEveryCandidateNeeds == nil)
    }
}
