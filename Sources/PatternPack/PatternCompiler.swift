import PCRE2

/// Compiles every rule's patterns and excludes into one flat list, reporting each bad pattern by rule and index.
enum PatternCompiler {
    struct Output: Sendable {
        var patterns: [Pattern] = []
        var sources: [String] = []
        var owners: [(rule: Int, exclude: Bool)] = []
        var problems: [PackProblem] = []
    }

    static func compile(_ rules: [PackRuleSpec], limits: MatchLimits = .default) -> Output {
        var output = Output()
        for (ruleIndex, rule) in rules.enumerated() {
            let all = rule.patterns.map { ($0, false) } + rule.excludes.map { ($0, true) }
            for (patternIndex, (text, exclude)) in all.enumerated() {
                do {
                    output.patterns.append(try Pattern(text, limits: limits))
                    output.sources.append(text)
                    output.owners.append((ruleIndex, exclude))
                } catch {
                    output.problems.append(PackProblem(
                        .badPattern, file: rule.location.file, line: rule.location.line, column: rule.location.column,
                        rule: rule.description.id, patternIndex: patternIndex, offset: error.offset,
                        message: "\(error.message) in '\(text)'"))
                }
            }
        }
        return output
    }
}
