import FakeJobDetection
import RuleKit
import RuleKitTesting
import Testing

@Suite("rules/fake-job examples and metadata")
struct RuleExamplesTests {
    @Test("the pack loads as module fake_job with every group present")
    func loads() throws {
        let module = try PackFixture.module()
        #expect(module.id == "fake_job")
        let groups = Set(module.rules.map { $0.id.split(separator: ".").dropFirst().first.map(String.init) ?? "" })
        for group in ["fee", "brushing", "training_loan", "id_withholding", "card_renting", "off_platform",
                      "guaranteed_hire", "overseas", "pyramid"] {
            #expect(groups.contains(group), "missing group \(group)")
        }
    }

    @Test("each rule's trigger and ignore examples hold", arguments: PackFixture.ruleIDs)
    func examplesHold(ruleID: String) throws {
        let module = try PackFixture.module()
        let rule = try #require(module.rules.first { $0.id == ruleID })
        let failures = RuleExampleVerifier.verify(rule: rule, of: module, context: EmptyContext())
        #expect(failures.isEmpty, "\(failures.map(\.description))")
    }

    @Test("each scored rule is named, cited and has at least two examples of each kind", arguments: PackFixture.ruleIDs)
    func metadata(ruleID: String) throws {
        let rule = try #require(try PackFixture.module().rules.first { $0.id == ruleID })
        #expect(rule.id.hasPrefix("fake_job."))
        guard !rule.subrule else { return }
        #expect(rule.name.zh != rule.id && rule.name.en != rule.id, "names in zh and en")
        #expect(!rule.references.isEmpty, "cites a law or notice")
        #expect(rule.examples.trigger.count >= 2 && rule.examples.ignore.count >= 2)
        #expect(rule.score > 0)
    }

    @Test("only strong rules run at level 1 with enough weight to decide alone")
    func levelOneIsStrong() throws {
        let module = try PackFixture.module()
        let weakAtLevelOne = module.rules.filter { $0.level == 1 && !$0.subrule && $0.score < 4 }
        #expect(weakAtLevelOne.map(\.id) == [])
    }
}
