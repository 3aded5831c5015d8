import FakeJobDetection
@testable import PatternPack
import RuleKit
import RuleKitTesting
import Testing

/// The registry evaluates a pack restricted to the rules that can count at the configured level; its findings
/// must be those of the full pack, filtered by the registry's settings.
@Suite("fake-job pack restricted by level")
struct LevelRestrictionTests {
    /// Every example text of the pack, each pair of neighbours joined, and all of them in one posting.
    static func texts(_ module: PatternPackModule) -> [String] {
        let single = module.rules.flatMap { $0.examples.trigger + $0.examples.ignore }.compactMap { MarkedExample($0)?.text }
        let pairs = zip(single, single.dropFirst()).map { $0 + "。" + $1 }
        return single + pairs + [single.joined(separator: "\n")]
    }

    @Test("findings at each level and engine equal the full pack's, filtered", arguments: [1, 2, 3], PackEngine.allCases)
    func restrictedEqualsFiltered(level: Int, engine: PackEngine) throws {
        let full = try PackLoader.load(
            directory: FakeJobDetection.packDirectory(inRules: PackFixture.rulesDirectory), id: FakeJobDetection.moduleID,
            engine: engine)
        let settings = ModuleSettings(level: level, disabledRules: ["fake_job.fee.buy_equipment"])
        var builder = RegistryBuilder(settings: settings)
        try builder.register(full)
        let registry = builder.build()
        let restricted = full.restricted(to: settings)
        if level < 3 { #expect(restricted.statistics.patternCount < full.statistics.patternCount) }
        let allowed = Set(full.rules.filter(settings.allows).map(\.id))
        for text in Self.texts(full) {
            let subject = PackFixture.posting(text, title: String(text.prefix(20)))
            let expected = try full.evaluate(subject, context: EmptyContext()).filter { allowed.contains($0.rule) }
            #expect(registry.evaluate(subject).findings == expected, "level \(level) differs on: \(text)")
        }
    }

    @Test("a level-1 registry keeps the sub-rules its meta rules need and drops level-3-only ones")
    func keepsReferencedSubrules() throws {
        let full = try PackFixture.module().pack
        let restricted = full.restricted(to: ModuleSettings(level: 1))
        let owners = Set(restricted.owners.map { full.rules[$0].id })
        #expect(owners.contains("fake_job.brushing.sub.task_word"))
        #expect(owners.contains("fake_job.overseas.sub.scam_region"))
        #expect(!owners.contains("fake_job.easy_money.sub.effortless"))
        #expect(!owners.contains("fake_job.off_platform.obfuscated_contact"))
    }

    @Test("sub-rules wait for their meta rule's partner: money terms run only where a guarantee was found")
    func defersCommonSubrules() throws {
        let restricted = try PackFixture.module().pack.restricted(to: ModuleSettings(level: 1))
        let index = restricted.ruleIndex
        let money = try #require(index["fake_job.guaranteed_hire.sub.money"])
        let guarantee = try #require(index["fake_job.guaranteed_hire.sub.guarantee"])
        #expect(restricted.deferral.deferred[money])
        #expect(!restricted.deferral.deferred[guarantee])
        #expect(restricted.deferral.gates[money] == [[guarantee]])
        let salaryOnly = PackFixture.posting("月薪1.2万，五险一金，手续费由公司承担")
        #expect(restricted.run(salaryOnly).hits[money] == false)
        let both = PackFixture.posting("内部指标保录取，服务费3万")
        #expect(restricted.run(both).hits[money])
    }

    @Test("at level 3 every pattern of the pack has a required literal (none runs on every field)")
    func everyPatternHasALiteral() throws {
        let restricted = try PackFixture.module().pack.restricted(to: ModuleSettings(level: 3))
        #expect(restricted.statistics.patternsWithLiterals == restricted.statistics.patternCount)
    }
}
