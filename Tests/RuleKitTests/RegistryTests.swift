import RuleKit
import Testing

/// A hand-written module for SPI tests.
struct StubModule: RuleModule {
    var id: String
    var version = "1"
    var subjects: Set<SubjectKind> = [.jobPosting]
    var rules: [RuleDescription]
    var fails = false

    init(id: String, ruleIDs: [String], aliases: [String] = [], level: Int = 1, fails: Bool = false) {
        self.id = id
        self.fails = fails
        self.rules = ruleIDs.map {
            RuleDescription(
                id: $0, aliases: aliases, name: LocalizedText(zh: $0, en: $0), severity: .medium, score: 3,
                level: level, examples: RuleExamples())
        }
    }

    struct Boom: Error {}

    func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        if fails { throw Boom() }
        return rules.map {
            Finding(module: id, rule: $0.id, severity: $0.severity, score: $0.score, message: $0.name)
        }
    }
}

@Suite("Module registry")
struct RegistryTests {
    let subject = Subject(kind: .jobPosting, id: "1", fields: [SubjectField(name: "title", text: "x")])

    @Test("a module id registered twice is refused")
    func duplicateModule() throws {
        var builder = RegistryBuilder()
        try builder.register(StubModule(id: "a", ruleIDs: ["a.one"]))
        #expect(throws: RegistryError.duplicateModule("a")) {
            try builder.register(StubModule(id: "a", ruleIDs: ["a.two"]))
        }
    }

    @Test("a rule id or alias used by two modules is refused")
    func duplicateRule() throws {
        var builder = RegistryBuilder()
        try builder.register(StubModule(id: "a", ruleIDs: ["x.one"], aliases: ["x.old"]))
        #expect(throws: RegistryError.self) { try builder.register(StubModule(id: "b", ruleIDs: ["x.one"])) }
        #expect(throws: RegistryError.self) { try builder.register(StubModule(id: "c", ruleIDs: ["x.old"])) }
        try builder.register(StubModule(id: "d", ruleIDs: ["x.two"]))
        #expect(builder.build().modules.map(\.id) == ["a", "d"])
    }

    @Test("a module that throws yields a failure note and the others' findings survive")
    func failureIsolated() throws {
        var builder = RegistryBuilder()
        try builder.register(StubModule(id: "bad", ruleIDs: ["bad.r"], fails: true))
        try builder.register(StubModule(id: "good", ruleIDs: ["good.r"]))
        let result = builder.build().evaluate(subject)
        #expect(result.failures.map(\.module) == ["bad"])
        #expect(result.findings.map(\.rule) == ["good.r"])
        #expect(result.score == 3)
    }

    @Test("levels, disabled modules and disabled rules filter findings")
    func settingsFilter() throws {
        var builder = RegistryBuilder(settings: ModuleSettings(level: 1, disabledModules: ["off"], disabledRules: ["b.two"]))
        try builder.register(StubModule(id: "a", ruleIDs: ["a.high"], level: 3))
        try builder.register(StubModule(id: "b", ruleIDs: ["b.one", "b.two"]))
        try builder.register(StubModule(id: "off", ruleIDs: ["off.r"]))
        #expect(builder.build().evaluate(subject).findings.map(\.rule) == ["b.one"])
    }

    @Test("verdicts follow the thresholds", arguments: [(3, Verdict.clean), (4, .suspicious), (7, .suspicious), (8, .likelyFraud)])
    func verdicts(score: Int, verdict: Verdict) {
        #expect(Thresholds().verdict(for: score) == verdict)
    }

    @Test("incubator findings add no score")
    func incubatorScore() {
        let finding = Finding(module: "m", rule: "r", severity: .high, score: 5, message: LocalizedText(zh: "", en: ""), incubator: true)
        #expect(finding.effectiveScore == 0)
    }
}
