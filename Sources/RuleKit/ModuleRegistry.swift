/// The immutable set of rule modules a process runs, in registration order; built by ``RegistryBuilder``.
///
/// A registry is a value passed to whoever evaluates; a reload builds a new one and swaps it.
public struct ModuleRegistry: Sendable {
    /// Every registered module, including disabled ones (for `rules list`).
    public let modules: [any RuleModule]
    /// The settings applied when evaluating.
    public let settings: ModuleSettings
    /// The modules as prepared for `settings` (``RuleModule/prepared(for:)``), in the same order, each with whether
    /// it is enabled, the subject kinds it reads and the ids of its rules the settings allow (worked out once:
    /// `evaluate` runs per posting, and a module's `subjects` may build a new set on every call).
    private let running: [(module: any RuleModule, enabled: Bool, subjects: Set<SubjectKind>, allowed: Set<String>)]

    init(modules: [any RuleModule], settings: ModuleSettings) {
        self.modules = modules
        self.settings = settings
        var allowed: [String: Set<String>] = [:]
        for module in modules {
            allowed[module.id] = Set(module.rules.filter(settings.allows).map(\.id))
        }
        self.running = modules.map { module in
            let prepared = module.prepared(for: settings)
            return (prepared, !settings.disabledModules.contains(module.id), prepared.subjects,
                    allowed[module.id] ?? [])
        }
    }

    /// Whether a module runs under the settings.
    public func isEnabled(module id: String) -> Bool { !settings.disabledModules.contains(id) }

    /// Runs every enabled module that handles the subject's kind, keeping going when one throws.
    ///
    /// Findings of rules above the configured level or disabled are dropped; incubator findings are kept but add no
    /// score.
    public func evaluate(_ subject: Subject, context: any EvaluationContext = EmptyContext()) -> Evaluation {
        var findings: [Finding] = []
        var failures: [ModuleFailure] = []
        for (module, enabled, subjects, allowed) in running where enabled && subjects.contains(subject.kind) {
            do {
                findings += try module.evaluate(subject, context: context).filter { allowed.contains($0.rule) }
            } catch {
                failures.append(ModuleFailure(module: module.id, message: String(describing: error)))
            }
        }
        let score = findings.reduce(0) { $0 + $1.effectiveScore }
        return Evaluation(
            findings: findings, score: score, verdict: settings.thresholds.verdict(for: score), failures: failures)
    }

    /// The description of a rule by id or alias, with its module id.
    public func rule(named name: String) -> (module: String, rule: RuleDescription)? {
        for module in modules {
            if let rule = module.rules.first(where: { $0.id == name || $0.aliases.contains(name) }) {
                return (module.id, rule)
            }
        }
        return nil
    }
}
