import RuleKit

/// Turns the findings of a `result` response into ``RuleKit/Finding``s, refusing any that break the protocol.
///
/// A finding must name a rule from the handshake and carry a score in 0…1000; each evidence must name a field
/// of the subject, with `0 ≤ start ≤ end ≤` the field's UTF-8 length, both offsets on UTF-8 character boundaries;
/// actions must be of a known type with their required members. One bad finding refuses the whole response.
struct FindingValidator {
    let descriptor: ModuleDescriptor

    func findings(_ wire: [ModuleProtocol.WireFinding], for subject: Subject) -> Result<[Finding], ExternalModuleError> {
        let known = Set(descriptor.rules.map(\.id))
        var result: [Finding] = []
        for (index, item) in wire.enumerated() {
            func refuse(_ why: String) -> Result<[Finding], ExternalModuleError> {
                .failure(ExternalModuleError(
                    module: descriptor.id, kind: .invalidFinding, reason: "finding \(index) (\(item.rule)): \(why)"))
            }
            guard known.contains(item.rule) else { return refuse("rule is not announced in the handshake") }
            guard (0...1000).contains(item.score) else { return refuse("score \(item.score) is outside 0…1000") }
            for evidence in item.evidence ?? [] {
                if let problem = check(evidence, in: subject) { return refuse(problem) }
            }
            var actions: [SuggestedAction] = []
            for action in item.actions ?? [] {
                guard let converted = Self.action(action) else {
                    return refuse("action of type '\(action.type)' is unknown or incomplete")
                }
                actions.append(converted)
            }
            let incubator = descriptor.rules.first { $0.id == item.rule }?.incubator ?? false
            result.append(Finding(
                module: descriptor.id, rule: item.rule, severity: item.severity, score: item.score,
                message: item.message, evidence: item.evidence ?? [], actions: actions,
                references: item.references ?? [], incubator: incubator))
        }
        return .success(result)
    }

    /// Why an evidence does not fit the subject, or nil.
    func check(_ evidence: Evidence, in subject: Subject) -> String? {
        guard let text = subject.text(of: evidence.field) else {
            return "evidence names field '\(evidence.field)', which the subject does not have"
        }
        let bytes = Array(text.utf8)
        guard evidence.start >= 0, evidence.start <= evidence.end, evidence.end <= bytes.count else {
            return "evidence byte range \(evidence.start)..<\(evidence.end) is outside field '\(evidence.field)' "
                + "(\(bytes.count) bytes)"
        }
        for offset in [evidence.start, evidence.end] where offset < bytes.count && bytes[offset] & 0xC0 == 0x80 {
            return "evidence offset \(offset) in field '\(evidence.field)' is not on a UTF-8 character boundary"
        }
        return nil
    }

    static func action(_ wire: ModuleProtocol.WireAction) -> SuggestedAction? {
        switch wire.type {
        case "flagEntity":
            guard let kind = wire.kind, let value = wire.value else { return nil }
            return .flagEntity(kind: kind, value: value)
        case "refer":
            guard let authority = wire.authority, let basis = wire.basis else { return nil }
            return .refer(authority: authority, basis: basis, deadlineDays: wire.deadlineDays)
        case "openCase":
            guard let kind = wire.kind else { return nil }
            return .openCase(kind: kind)
        case "linkCases":
            return .linkCases
        default:
            return nil
        }
    }
}
