import PatternPack
import RuleKit
import RuleKitTesting
import Testing

@Suite("Naive and prefilter engines")
struct EngineEquivalenceTests {
    @Test("both engines (prefilter with a rarity sample) give identical findings on every example text")
    func identical() throws {
        let naive = try Fixtures.demo(engine: .naive)
        let sample = LiteralSample(texts: ["店员招聘，包吃住，押金", "收银员 月结 不收押金", "海外 工作"])
        let prefilter = try PackLoader.load(directory: Fixtures.demoPack, engine: .prefilter, literalSample: sample)
        let texts = naive.rules.flatMap { $0.examples.trigger + $0.examples.ignore }
            .compactMap { MarkedExample($0)?.text }
        let joined = texts.joined(separator: "，")
        for text in texts + [joined, "", "无关文本"] {
            let subject = Fixtures.posting(text, title: text)
            let a = try naive.evaluate(subject, context: EmptyContext())
            let b = try prefilter.evaluate(subject, context: EmptyContext())
            #expect(a == b, "differs on: \(text)")
        }
        #expect(try !naive.evaluate(Fixtures.posting(joined), context: EmptyContext()).isEmpty)
    }
}
