import PatternPack
import Testing

@Suite("Linting rule packs")
struct PackLinterTests {
    static func lint(_ yaml: String) -> [PackProblem] {
        PackLinter.lint(PackSource.parse(files: [("lint.yaml", yaml)]))
    }

    static func rule(patterns: String, examples: String = #"{trigger: ["⟦押金⟧"], ignore: ["无"]}"#) -> String {
        """
        pack: t
        version: 1
        rules:
          - id: t.rule
            name: {zh: 规则, en: Rule}
            severity: high
            score: 2
            message: {zh: 消息, en: Message}
            patterns: \(patterns)
            examples: \(examples)

        """
    }

    @Test("the fixture pack lints clean")
    func fixtureClean() {
        #expect(PackLinter.lint(directory: Fixtures.demoPack).isEmpty)
    }

    @Test("a pattern with nested repetition is reported as exceeding the match limit")
    func catastrophic() {
        let problems = Self.lint(Self.rule(patterns: "['(?:押+)+$']"))
        #expect(problems.map(\.code) == [.limitExceeded])
        #expect(problems.first?.rule == "t.rule")
        #expect(problems.first?.patternIndex == 0)
    }

    @Test("a bounded pattern passes the adversarial check")
    func bounded() {
        #expect(Self.lint(Self.rule(patterns: "['押{1,8}金']")).isEmpty)
    }

    @Test("a scored rule needs a trigger and an ignore example")
    func missingIgnore() {
        let problems = Self.lint(Self.rule(patterns: "['押金']", examples: #"{trigger: ["⟦押金⟧"]}"#))
        #expect(problems.map(\.code) == [.missingExamples])
    }

    @Test("a pattern rule's trigger example needs exactly one marked span")
    func markers() {
        let problems = Self.lint(Self.rule(patterns: "['押金']", examples: #"{trigger: ["押金", "⟦押⟧⟦金⟧"], ignore: ["无"]}"#))
        #expect(problems.map(\.code) == [.badExampleMarkers, .badExampleMarkers])
    }
}
