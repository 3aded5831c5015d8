import PatternPack
import RuleKit
import RuleKitTesting
import SeededRandom
import Testing

@Suite("Field results kept for repeated texts")
struct FieldResultCacheTests {
    /// Long texts (the cache keeps fields of 256 bytes and more) made of the demo pack's example texts.
    static func longTexts(_ module: PatternPackModule) -> [String] {
        let examples = module.rules.flatMap { $0.examples.trigger + $0.examples.ignore }
            .compactMap { MarkedExample($0)?.text }
        var rng = SplitMix64(seed: 5)
        return (0..<12).map { _ in
            var text = ""
            while text.utf8.count < 300 { text += rng.pick(examples) + "。" }
            return text
        }
    }

    @Test("a long field met again gives the findings a fresh module gives, in any field, with any neighbours")
    func sameFindings() throws {
        let warm = try Fixtures.demo(engine: .prefilter)
        let texts = Self.longTexts(warm)
        var rng = SplitMix64(seed: 9)
        var repeats = 0
        var seen = Set<String>()
        for index in 0..<80 {
            // Field names matter: a rule may read some fields only, and evidence names its field.
            let text = rng.pick(texts)
            let name = rng.pick(["description", "title", "companyIntro"])
            if !seen.insert(name + text).inserted { repeats += 1 }
            let subject = Subject(kind: .jobPosting, id: "p\(index)", fields: [
                SubjectField(name: "title", text: rng.pick(["店员", "押金", ""])), SubjectField(name: name, text: text),
            ])
            let fresh = try Fixtures.demo(engine: .prefilter)
            #expect(try warm.evaluate(subject, context: EmptyContext())
                    == fresh.evaluate(subject, context: EmptyContext()), "\(index)")
        }
        #expect(repeats > 30)
    }

    @Test("a repeated long field is not matched again by the prefilter; a short one is, and the naive engine matches all")
    func notMatchedAgain() throws {
        let module = try Fixtures.demo(engine: .prefilter)
        let long = Self.longTexts(module)[0]
        let subject = Fixtures.posting(long, title: "押金")
        let once = module.scanCounters(over: [subject]).totals.scans
        let twice = module.scanCounters(over: [subject, subject]).totals.scans
        // The first call met the long field already: later calls scan only the short title.
        #expect(once >= 2)
        #expect(twice == 2)
        #expect(try !module.evaluate(subject, context: EmptyContext()).isEmpty)
        // The naive engine, the reference the prefilter is compared with, keeps nothing.
        let naive = try Fixtures.demo(engine: .naive)
        #expect(naive.scanCounters(over: [subject, subject]).totals.scans == 4)
    }

    @Test("the engines agree on postings that repeat long texts: the cached prefilter against the uncached reference")
    func enginesAgree() throws {
        let prefilter = try Fixtures.demo(engine: .prefilter)
        let naive = try Fixtures.demo(engine: .naive)
        let texts = Self.longTexts(prefilter)
        var rng = SplitMix64(seed: 13)
        for index in 0..<60 {
            let subject = Fixtures.posting(rng.pick(texts), title: rng.pick(["押金", "店员"]))
            #expect(try prefilter.evaluate(subject, context: EmptyContext())
                    == naive.evaluate(subject, context: EmptyContext()), "\(index)")
        }
    }
}
