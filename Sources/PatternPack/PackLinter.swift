import PCRE2
import RuleKit

/// Lints pack directories for `rightsdesk rules check`.
///
/// Reports everything the loader reports (bad YAML with file:line:column, unknown keys, unknown macros, bad
/// regexes with rule id and offset, duplicate ids, meta problems, missing examples) plus: scored rules without
/// both a trigger and an ignore example, trigger examples of pattern rules without exactly one `⟦…⟧`, and patterns
/// that exceed the match limit on adversarial input (64 KB of their own literals and characters repeated).
public enum PackLinter {
    /// Size of each adversarial input.
    public static let adversarialBytes = 64 * 1024

    /// Every problem of the pack in `directory`.
    public static func lint(directory: String, limits: MatchLimits = .default) -> [PackProblem] {
        lint(PackSource.read(directory: directory), limits: limits)
    }

    /// Every problem of an already read pack.
    public static func lint(_ source: PackSource, limits: MatchLimits = .default) -> [PackProblem] {
        var problems = source.problems
        for rule in source.rules { problems += exampleProblems(rule) }
        let compiled = PatternCompiler.compile(source.rules, limits: limits)
        problems += compiled.problems
        if compiled.problems.isEmpty { problems += limitProblems(source.rules, compiled) }
        return problems
    }

    private static func exampleProblems(_ rule: PackRuleSpec) -> [PackProblem] {
        let description = rule.description
        func problem(_ code: PackProblem.Code, _ message: String) -> PackProblem {
            PackProblem(
                code, file: rule.location.file, line: rule.location.line, column: rule.location.column,
                rule: description.id, message: message)
        }
        var problems: [PackProblem] = []
        let examples = description.examples
        if description.isScored && !(examples.trigger.isEmpty && examples.ignore.isEmpty) {
            if examples.trigger.isEmpty { problems.append(problem(.missingExamples, "a scored rule needs a trigger example")) }
            if examples.ignore.isEmpty { problems.append(problem(.missingExamples, "a scored rule needs an ignore example")) }
        }
        for example in examples.trigger {
            let opens = example.filter { $0 == "⟦" }.count
            let closes = example.filter { $0 == "⟧" }.count
            let wellFormed = opens == closes && opens <= 1
            if !wellFormed || (rule.meta == nil && opens != 1) {
                problems.append(problem(.badExampleMarkers, "trigger example needs exactly one ⟦…⟧ span: \"\(example)\""))
            }
        }
        return problems
    }

    private static func limitProblems(_ rules: [PackRuleSpec], _ compiled: PatternCompiler.Output) -> [PackProblem] {
        var problems: [PackProblem] = []
        let scratch = MatchScratch(ovectorPairs: 1)
        var position = 0
        for rule in rules {
            let sources = rule.patterns + rule.excludes
            for (index, source) in sources.enumerated() {
                let pattern = compiled.patterns[position]
                position += 1
                for input in AdversarialInput.make(for: source, bytes: adversarialBytes) {
                    do {
                        _ = try pattern.allMatches(in: input, scratch: scratch, limit: 1_000)
                    } catch {
                        problems.append(PackProblem(
                            .limitExceeded, file: rule.location.file, line: rule.location.line,
                            column: rule.location.column, rule: rule.description.id, patternIndex: index,
                            message: "pattern exceeds the match limit on adversarial input (\(error.message)); "
                                + "bound its repetitions, e.g. {{gap:N}} instead of .*"))
                        break
                    }
                }
            }
        }
        return problems
    }
}
