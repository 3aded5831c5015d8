import RuleKit

/// Runs every rule's trigger and ignore examples against its module and reports what does not hold.
///
/// Each example becomes a subject of the module's first subject kind whose text sits in the rule's first field
/// (or `description`). A trigger example must make the rule hit with the marked `⟦…⟧` span among its evidence
/// (byte offsets compared after removing the markers); an ignore example must not make it hit. A rule with no
/// examples fails; a scored rule needs at least one trigger and one ignore example; a pattern rule's trigger
/// example must carry exactly one marked span.
///
/// ```swift
/// #expect(RuleExampleVerifier.verify(module).isEmpty)
/// ```
public enum RuleExampleVerifier {
    /// Verifies every rule of `module`; an empty result means all examples hold.
    public static func verify(_ module: any RuleModule, context: any EvaluationContext = EmptyContext())
        -> [ExampleFailure]
    {
        module.rules.flatMap { verify(rule: $0, of: module, context: context) }
    }

    /// Verifies one rule of `module`.
    public static func verify(rule: RuleDescription, of module: any RuleModule, context: any EvaluationContext)
        -> [ExampleFailure]
    {
        let examples = rule.examples
        func failure(_ text: String, _ kind: ExampleFailure.Kind) -> ExampleFailure {
            ExampleFailure(module: module.id, rule: rule.id, example: text, kind: kind)
        }
        if examples.trigger.isEmpty && examples.ignore.isEmpty { return [failure("", .noExamples)] }
        var failures: [ExampleFailure] = []
        if rule.isScored && examples.trigger.isEmpty { failures.append(failure("", .missingTrigger)) }
        if rule.isScored && examples.ignore.isEmpty { failures.append(failure("", .missingIgnore)) }
        for example in examples.trigger {
            if let kind = checkTrigger(example, rule: rule, module: module, context: context) {
                failures.append(failure(example, kind))
            }
        }
        for example in examples.ignore {
            let subject = makeSubject(example, rule: rule, module: module)
            do {
                if try module.probe(rule: rule.id, subject: subject, context: context) != nil {
                    failures.append(failure(example, .ignoredTriggered))
                }
            } catch {
                failures.append(failure(example, .threw(String(describing: error))))
            }
        }
        return failures
    }

    private static func checkTrigger(
        _ example: String, rule: RuleDescription, module: any RuleModule, context: any EvaluationContext
    ) -> ExampleFailure.Kind? {
        guard let marked = MarkedExample(example) else { return .badMarkers }
        if marked.span == nil && !rule.meta { return .badMarkers }
        let subject = makeSubject(marked.text, rule: rule, module: module)
        let finding: Finding?
        do {
            finding = try module.probe(rule: rule.id, subject: subject, context: context)
        } catch {
            return .threw(String(describing: error))
        }
        guard let finding else { return .notTriggered }
        guard let span = marked.span else { return nil }
        let actual = finding.evidence.map { $0.start..<$0.end }
        return actual.contains(span) ? nil : .wrongSpan(expected: span, actual: actual)
    }

    private static func makeSubject(_ text: String, rule: RuleDescription, module: any RuleModule) -> Subject {
        let kind = SubjectKind.allCases.first { module.subjects.contains($0) } ?? .jobPosting
        return Subject(kind: kind, id: "example", fields: [SubjectField(name: rule.fields.first ?? "description", text: text)])
    }
}
