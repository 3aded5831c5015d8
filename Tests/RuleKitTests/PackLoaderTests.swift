import PatternPack
import RuleKit
import Testing

@Suite("Loading rule packs")
struct PackLoaderTests {
    static let header = "pack: t\nversion: 1\nrules:\n"

    static func rule(_ body: String) -> String {
        header + """
          - id: t.rule
            name: {zh: 规则, en: Rule}
            severity: high
            score: 2
            message: {zh: 消息, en: Message}
            examples: {trigger: ["⟦押金⟧"], ignore: ["无"]}

        """ + body
    }

    @Test("the fixture pack loads with all its rules")
    func fixtureLoads() throws {
        let module = try Fixtures.demo()
        #expect(module.id == "demo")
        #expect(module.rules.count == 13)
    }

    @Test("broken YAML is reported with file, line and column")
    func brokenYAML() {
        let problems = Fixtures.problems("pack: t\nversion: 1\nrules:\n  - id: [unclosed\n", file: "bad.yaml")
        #expect(problems.count == 1)
        #expect(problems.first?.code == .yamlSyntax)
        #expect(problems.first?.line == 5)
        #expect(problems.first?.column != nil)
        #expect(problems.first?.description.hasPrefix("bad.yaml:5:") == true)
    }

    @Test("a bad regex names the rule, the pattern index and PCRE2's offset")
    func badRegex() {
        let yaml = Self.rule("    patterns: ['押金', '(?:押金']\n")
        let problems = Fixtures.problems(yaml)
        #expect(problems.map(\.code) == [.badPattern])
        #expect(problems.first?.rule == "t.rule")
        #expect(problems.first?.patternIndex == 1)
        #expect(problems.first?.offset == 9)
    }

    @Test("an unknown key such as a typo is an error with its line")
    func unknownKey() {
        let yaml = Self.rule("    patern: ['押金']\n    patterns: ['押金']\n")
        let problems = Fixtures.problems(yaml)
        #expect(problems.map(\.code) == [.unknownKey])
        #expect(problems.first?.line == 10)
        #expect(problems.first?.message.contains("patern") == true)
    }

    @Test("an unknown macro is an error")
    func unknownMacro() {
        let problems = Fixtures.problems(Self.rule("    patterns: ['{{nosuch}}押金']\n"))
        #expect(problems.map(\.code) == [.unknownMacro])
        #expect(problems.first?.line == 10)
    }

    @Test("a rule without examples is an error")
    func missingExamples() {
        let yaml = Self.header + """
          - id: t.noexamples
            name: {zh: 规则, en: Rule}
            severity: high
            score: 2
            message: {zh: 消息, en: Message}
            patterns: ['押金']

        """
        #expect(Fixtures.problems(yaml).map(\.code) == [.missingExamples])
    }

    @Test("duplicate ids, unknown meta references and meta cycles are all reported")
    func semanticProblems() {
        let yaml = Self.header + """
          - id: t.a
            subrule: true
            patterns: ['甲']
            examples: {trigger: ["⟦甲⟧"], ignore: ["乙"]}
          - id: t.a
            subrule: true
            patterns: ['乙']
            examples: {trigger: ["⟦乙⟧"], ignore: ["甲"]}
          - id: t.m1
            subrule: true
            meta: {all: [t.m2]}
            examples: {trigger: ["甲"], ignore: ["乙"]}
          - id: t.m2
            subrule: true
            meta: {all: [t.m1, t.missing]}
            examples: {trigger: ["甲"], ignore: ["乙"]}

        """
        let codes = Fixtures.problems(yaml).map(\.code)
        #expect(codes.filter { $0 == .duplicateRule }.count == 1)
        #expect(codes.filter { $0 == .unknownRuleReference }.count == 1)
        #expect(codes.filter { $0 == .metaCycle }.count == 2)
    }

    @Test("an unsupported format version is refused")
    func version() {
        let problems = Fixtures.problems("pack: t\nversion: 2\nrules: []\n")
        #expect(problems.map(\.code) == [.unsupportedVersion])
        #expect(problems.first?.line == 2)
    }
}
