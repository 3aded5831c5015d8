import PCRE2

/// Compiles every rule's patterns and excludes into one flat list, reporting each bad pattern by rule and index.
enum PatternCompiler {
    struct Output: Sendable {
        var patterns: [Pattern] = []
        var sources: [String] = []
        var owners: [(rule: Int, exclude: Bool)] = []
        var problems: [PackProblem] = []
    }

    /// Compiles with `options`; through `cache` when given, so that pattern sets built next with the same options
    /// take these patterns instead of compiling them again.
    static func compile(_ rules: [PackRuleSpec], options: PatternOptions = [], limits: MatchLimits = .default,
                        cache: CompiledPatternCache? = nil) -> Output {
        var output = Output()
        for (ruleIndex, rule) in rules.enumerated() {
            let all = rule.patterns.map { ($0, false) } + rule.excludes.map { ($0, true) }
            for (patternIndex, (text, exclude)) in all.enumerated() {
                do {
                    if let cache {
                        output.patterns.append(try cache.pattern(text, options: options, limits: limits))
                    } else {
                        output.patterns.append(try Pattern(text, options: options, limits: limits))
                    }
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
