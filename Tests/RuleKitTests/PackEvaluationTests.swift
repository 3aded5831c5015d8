import PatternPack
import PCRE2
import RuleKit
import RuleKitTesting
import Testing

@Suite("Evaluating a rule pack")
struct PackEvaluationTests {
    func rules(_ text: String, title: String = "", engine: PackEngine = .naive) throws -> [String] {
        try Fixtures.demo(engine: engine).evaluate(Fixtures.posting(text, title: title), context: EmptyContext())
            .map(\.rule).sorted()
    }

    @Test("every example of the fixture pack holds")
    func verifier() throws {
        let failures = RuleExampleVerifier.verify(try Fixtures.demo())
        #expect(failures.isEmpty, "\(failures.map(\.description))")
    }

    @Test("a demand fires and a negated mention does not")
    func excludes() throws {
        #expect(try rules("入职前需交押金") == ["demo.deposit_demand"])
        #expect(try rules("我们不收取任何押金").isEmpty)
        #expect(try rules("无需交押金。另外收取保证金") == ["demo.deposit_demand"])
    }

    @Test("an exclude that exceeds its match limit cancels nothing; the rule's other excludes still apply",
          arguments: [PackEngine.naive, .prefilter])
    func runawayExclude(engine: PackEngine) throws {
        let yaml = """
            pack: t
            version: 1
            rules:
              - id: t.deposit
                name: {zh: 押金, en: Deposit}
                severity: high
                score: 5
                level: 1
                patterns: ['押金']
                exclude: ['不收押金', '(?:押+)+$']
                message: {zh: 押金, en: Deposit}
                examples:
                  trigger: ['需交⟦押金⟧']
                  ignore: ['不收押金']
            """
        let module = try PackLoader.load(files: [("t.yaml", yaml)], engine: engine)
        let run = String(repeating: "押", count: 40) + "x"
        func rules(_ text: String) throws -> [String] {
            try module.evaluate(Fixtures.posting(text), context: EmptyContext()).map(\.rule)
        }
        // The runaway exclude does exceed its limit on these texts.
        #expect(throws: MatchError.self) {
            try Pattern("(?:押+)+$").allMatches(in: "需交押金，" + run, scratch: MatchScratch())
        }
        #expect(try rules("需交押金，" + run) == ["t.deposit"])
        #expect(try rules("不收押金，" + run).isEmpty)
    }

    @Test("evidence carries the field and UTF-8 byte offsets")
    func evidence() throws {
        let finding = try #require(
            try Fixtures.demo().evaluate(Fixtures.posting("入职前需交押金"), context: EmptyContext()).first)
        let evidence = try #require(finding.evidence.first)
        #expect(evidence.field == "description")
        #expect(evidence.start == 9)
        #expect(evidence.end == 21)
        #expect(evidence.excerpt == "入职前需交押金")
    }

    @Test("meta rules combine and, or and not")
    func metaAllAnyNone() throws {
        #expect(try rules("报名费请加V信") == ["demo.fee_private_contact"])
        #expect(try rules("报名费请加QQ") == ["demo.fee_private_contact"])
        #expect(try rules("报名费请现场交流").isEmpty)
        #expect(try rules("报名费可退，加微信").isEmpty)
        #expect(try rules("加微信了解").isEmpty)
    }

    @Test("meta rules count at least n of their rules")
    func metaAtLeast() throws {
        #expect(try rules("零基础 在家") == ["demo.easy_money"])
        #expect(try rules("日结").isEmpty)
    }

    @Test("a combination needs a hit exactly when it has all, any or at least n ≥ 1 (so subjects without hits skip it)")
    func needsAHit() {
        var onlyNone = MetaSpec()
        onlyNone.none = ["a"]
        #expect(!onlyNone.needsAHit && onlyNone.holds { _ in false })
        var withAll = onlyNone
        withAll.all = ["b"]
        var withAny = onlyNone
        withAny.any = ["b"]
        var withAtLeast = onlyNone
        withAtLeast.atLeast = MetaSpec.AtLeast(n: 1, of: ["b", "c"])
        for spec in [withAll, withAny, withAtLeast] {
            #expect(spec.needsAHit && !spec.holds { _ in false })
        }
    }

    @Test("sub-rules are never reported alone")
    func subrulesHidden() throws {
        #expect(try rules("日结 微信").isEmpty)
    }

    @Test("field restrictions hold: title rules ignore the description")
    func fields() throws {
        #expect(try rules("急招", title: "") .isEmpty)
        #expect(try rules("", title: "急招店员") == ["demo.title_urgent"])
    }

    @Test("incubator rules report but add no score")
    func incubator() throws {
        var builder = RegistryBuilder()
        try builder.register(Fixtures.demo())
        let result = builder.build().evaluate(Fixtures.posting("刷单返利"))
        #expect(result.findings.map(\.rule) == ["demo.brushing"])
        #expect(result.findings.first?.incubator == true)
        #expect(result.score == 0)
        #expect(result.verdict == .clean)
    }

    @Test("levels: a level-2 rule runs only when the site runs level 2")
    func levels() throws {
        let text = "海外工作月薪三万"
        for (level, expected) in [(1, [String]()), (2, ["demo.overseas"])] {
            var builder = RegistryBuilder(settings: ModuleSettings(level: level))
            try builder.register(Fixtures.demo())
            #expect(builder.build().evaluate(Fixtures.posting(text)).findings.map(\.rule) == expected)
        }
    }

    @Test("a rule can be disabled by its alias and found by it")
    func aliases() throws {
        var builder = RegistryBuilder(settings: ModuleSettings(disabledRules: ["demo.deposit"]))
        try builder.register(Fixtures.demo())
        let registry = builder.build()
        #expect(registry.evaluate(Fixtures.posting("需交押金")).findings.isEmpty)
        #expect(registry.rule(named: "demo.deposit")?.rule.id == "demo.deposit_demand")
    }

    @Test("macros expand obfuscated forms", arguments: ["刷 单", "刷-单", "刷·单"])
    func spacedSeparators(text: String) throws {
        #expect(try rules(text) == ["demo.brushing"])
    }
}
