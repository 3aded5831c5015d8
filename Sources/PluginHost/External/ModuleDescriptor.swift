import RuleKit

/// What an external module announced in its handshake, checked against its declaration.
public struct ModuleDescriptor: Sendable, Hashable {
    /// The module id.
    public var id: String
    /// The module's own version.
    public var version: String
    /// Subject kinds the host sends it (the declaration's, or the handshake's when none is declared).
    public var subjects: Set<SubjectKind>
    /// Its rules.
    public var rules: [RuleDescription]

    /// Checks a handshake against the declaration; the message says what is wrong.
    static func from(_ handshake: ModuleProtocol.Handshake, spec: ExternalModuleSpec) -> Result<Self, ExternalModuleError> {
        func refuse(_ kind: ExternalModuleError.Kind, _ why: String) -> Result<Self, ExternalModuleError> {
            .failure(ExternalModuleError(module: spec.id, kind: kind, reason: why))
        }
        guard handshake.type == "handshake" else {
            return refuse(.badHandshake, "first line has type '\(handshake.type)', expected 'handshake'")
        }
        guard handshake.protocol == ModuleProtocol.version else {
            return refuse(.unknownProtocol, "speaks protocol version \(handshake.protocol); this host speaks \(ModuleProtocol.version)")
        }
        guard handshake.module == spec.id else {
            return refuse(.badHandshake, "handshake announces module id '\(handshake.module)', configuration says '\(spec.id)'")
        }
        var announced: Set<SubjectKind> = []
        for name in handshake.subjects {
            guard let kind = SubjectKind(rawValue: name) else { return refuse(.badHandshake, "unknown subject kind '\(name)'") }
            announced.insert(kind)
        }
        let subjects = spec.subjects ?? announced
        if !subjects.isSubset(of: announced) || subjects.isEmpty {
            return refuse(.badHandshake, "configuration asks for subjects \(subjects.map(\.rawValue).sorted()) "
                + "but the module evaluates \(announced.map(\.rawValue).sorted())")
        }
        var rules: [RuleDescription] = []
        var seen: Set<String> = []
        for rule in handshake.rules {
            guard rule.id.hasPrefix(spec.id + "."), rule.id.range(of: "^[a-z0-9_.]+$", options: .regularExpression) != nil
            else { return refuse(.badHandshake, "rule id '\(rule.id)' must be snake_case and start with '\(spec.id).'") }
            guard seen.insert(rule.id).inserted else { return refuse(.badHandshake, "rule id '\(rule.id)' is announced twice") }
            guard (0...1000).contains(rule.score), (1...3).contains(rule.level ?? 1) else {
                return refuse(.badHandshake, "rule '\(rule.id)' needs a score in 0…1000 and a level in 1…3")
            }
            rules.append(RuleDescription(
                id: rule.id, aliases: rule.aliases ?? [], name: rule.name, severity: rule.severity, score: rule.score,
                level: rule.level ?? 1, incubator: rule.incubator ?? false, references: rule.references ?? [],
                fields: rule.fields ?? [], examples: rule.examples ?? RuleExamples()))
        }
        return .success(ModuleDescriptor(id: spec.id, version: handshake.version, subjects: subjects, rules: rules))
    }
}
