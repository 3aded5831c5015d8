/// The extension point of RightsDesk: a module of rules that judges subjects and returns findings.
///
/// Contract for conformers:
/// - `id` is stable, namespaced snake_case and unique in a registry; every rule id and alias in ``rules`` is unique
///   across all modules of a registry (``RegistryBuilder`` refuses duplicates).
/// - `evaluate` is pure with respect to the subject and the context: no I/O, no global state, safe to call from many
///   threads at once, bounded in time. It returns one ``Finding`` per rule that hit, with `rule` equal to a rule id
///   from ``rules`` and evidence offsets in UTF-8 bytes of the field text. It reports sub-rules never.
/// - It may throw; the registry turns a throw into a ``ModuleFailure`` and keeps the other modules' findings.
/// - Level and enable/disable filtering is applied by the registry from ``ModuleSettings``; a module may also skip
///   work for rules it knows are off.
///
/// The test every conformer adds runs RuleKitTesting's verifier over all rules' examples:
/// ```swift
/// @Test("every rule's examples hold")
/// func examples() throws {
///     #expect(RuleExampleVerifier.verify(try MyModule()).isEmpty)
/// }
/// ```
public protocol RuleModule: Sendable {
    /// Stable module id, e.g. `fake_job`.
    var id: String { get }
    /// Version of the module or its data.
    var version: String { get }
    /// The subject kinds this module evaluates.
    var subjects: Set<SubjectKind> { get }
    /// Descriptions of every rule, including sub-rules, in a stable order.
    var rules: [RuleDescription] { get }

    /// Judges one subject.
    ///
    /// - Parameters:
    ///   - subject: the subject to judge; only kinds in ``subjects`` are passed.
    ///   - context: read-only history.
    /// - Returns: one finding per rule that hit.
    /// - Throws: any error; the registry records it as a module failure.
    func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding]

    /// Evaluates one rule alone, sub-rules included, ignoring levels; used by the example verifier.
    ///
    /// The default implementation runs ``evaluate(_:context:)`` and picks the rule's finding, which is enough for
    /// modules without sub-rules.
    func probe(rule id: String, subject: Subject, context: any EvaluationContext) throws -> Finding?

    /// This module prepared to evaluate under `settings` only, e.g. without compiling rules that cannot report at
    /// the configured level. Findings of the rules `settings` allows must be identical to the module's own; other
    /// rules may report nothing. The registry evaluates with the prepared module and keeps the original for
    /// listing and example tests. The default returns the module itself.
    func prepared(for settings: ModuleSettings) -> any RuleModule
}

extension RuleModule {
    /// Runs ``evaluate(_:context:)`` and returns the finding of rule `id`, if any.
    public func probe(rule id: String, subject: Subject, context: any EvaluationContext) throws -> Finding? {
        try evaluate(subject, context: context).first { $0.rule == id }
    }

    /// Returns the module itself.
    public func prepared(for settings: ModuleSettings) -> any RuleModule { self }
}
