import RuleKit
import RuleKitTesting
import Testing

@Suite("Example verifier")
struct VerifierTests {
    @Test("markers are removed and the span measured in UTF-8 bytes")
    func markers() throws {
        let example = try #require(MarkedExample("先交⟦押金⟧"))
        #expect(example.text == "先交押金")
        #expect(example.span == 6..<12)
        #expect(MarkedExample("⟦a⟧⟦b⟧") == nil)
        #expect(MarkedExample("⟧a⟦") == nil)
    }

    @Test("a rule without examples fails, and so does a scored rule lacking ignore examples")
    func missingExamples() {
        let module = StubModule(id: "s", ruleIDs: ["s.one"])
        #expect(RuleExampleVerifier.verify(module).map(\.kind) == [.noExamples])
    }

    @Test("a wrong span, a missed trigger and a hit ignore example are reported")
    func failures() throws {
        var module = StubModule(id: "s", ruleIDs: ["s.one"])
        module.rules[0].examples = RuleExamples(trigger: ["⟦甲⟧乙"], ignore: ["丙"])
        let kinds = RuleExampleVerifier.verify(module).map(\.kind)
        #expect(kinds == [.wrongSpan(expected: 0..<3, actual: []), .ignoredTriggered])
    }
}
