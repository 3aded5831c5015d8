import FakeJobDetection
@testable import PatternPack
import RuleKit
import RuleKitTesting
import Testing

/// A pack reduced to some rules (``PatternPackModule/restricted(toRules:)``) must probe those rules exactly as the
/// full pack does, with fewer patterns compiled.
@Suite("pack restricted to named rules")
struct RuleRestrictionTests {
    @Test("probes of the kept rules (and of a meta rule's parts) equal the full pack's", arguments: PackEngine.allCases)
    func probesEqual(engine: PackEngine) throws {
        let full = try PackLoader.load(
            directory: FakeJobDetection.packDirectory(inRules: PackFixture.rulesDirectory), id: FakeJobDetection.moduleID,
            engine: engine)
        let meta = try #require(full.specs.first { $0.meta != nil }).description.id
        let plain = try #require(full.specs.first { $0.meta == nil && !$0.description.subrule }).description.id
        let restricted = full.restricted(toRules: [meta, plain])
        #expect(restricted.statistics.patternCount < full.statistics.patternCount)
        let kept = [meta, plain] + (full.specs.first { $0.description.id == meta }?.meta?.references ?? [])
        var hits = 0
        for text in LevelRestrictionTests.texts(full) {
            let subject = PackFixture.posting(text, title: String(text.prefix(20)))
            for rule in kept {
                let expected = try full.probe(rule: rule, subject: subject, context: EmptyContext())
                if expected != nil { hits += 1 }
                #expect(try restricted.probe(rule: rule, subject: subject, context: EmptyContext()) == expected,
                        "\(rule) differs on: \(text)")
            }
        }
        #expect(hits > 0)
    }
}
