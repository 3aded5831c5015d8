import CaseCore
import RuleKit

/// Builds and reads the ``Subject`` a case is evaluated as, so the engine and the module agree on field names.
///
/// Fields: `fact.kind`, `fact.tags` (comma-separated), `fact.employmentStart`, `fact.employmentEnd`,
/// `fact.learnedOfInfringement`, `fact.today` (yyyy-MM-dd), `fact.amountClaimed` (fen), `fact.workersAffected`,
/// `fact.hasWrittenContract` (true/false), `fact.workerCategory`, `fact.findings` (comma-separated rule ids),
/// and `narrative`. A field `facts` in the compact form `kind=laborDispute; tags=欠薪; today=2026-06-01` (same keys
/// without the `fact.` prefix) is read too; rule examples use it.
public enum LegalSubject {
    /// The subject for `record` with other modules' finding rule ids and today's date.
    public static func make(record: CaseRecord, findings: [String], today: CalendarDay,
                            kind: SubjectKind = .caseUpdate) -> Subject {
        let facts = record.facts
        var fields: [SubjectField] = [
            SubjectField(name: "fact.kind", text: record.kind.rawValue),
            SubjectField(name: "fact.tags", text: record.tags.joined(separator: ",")),
            SubjectField(name: "fact.findings", text: findings.joined(separator: ",")),
            SubjectField(name: "fact.today", text: today.description),
        ]
        func add(_ name: String, _ value: String?) {
            if let value { fields.append(SubjectField(name: "fact.\(name)", text: value)) }
        }
        add("employmentStart", facts.employmentStart?.description)
        add("employmentEnd", facts.employmentEnd?.description)
        add("learnedOfInfringement", facts.learnedOfInfringement?.description)
        add("amountClaimed", facts.amountClaimed.map { String($0.value) })
        add("workersAffected", facts.workersAffected.map(String.init))
        add("hasWrittenContract", facts.hasWrittenContract.map { $0 ? "true" : "false" })
        add("workerCategory", facts.workerCategory)
        fields.append(SubjectField(name: "narrative", text: record.narrative))
        return Subject(kind: kind, id: record.number.isEmpty ? String(record.id) : record.number, fields: fields)
    }

    /// Reads the advisor's input and today's date back from a subject; malformed values count as unknown.
    public static func read(_ subject: Subject) -> (legalCase: LegalCase, today: CalendarDay?) {
        var values: [String: String] = [:]
        if let compact = subject.text(of: "facts") {
            for pair in compact.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2 { values[parts[0]] = parts[1] }
            }
        }
        for field in subject.fields where field.name.hasPrefix("fact.") {
            values[String(field.name.dropFirst(5))] = field.text
        }
        func list(_ key: String) -> [String] {
            (values[key] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        func day(_ key: String) -> CalendarDay? { values[key].flatMap { CalendarDay($0) } }
        let facts = CaseFacts(
            employmentStart: day("employmentStart"), employmentEnd: day("employmentEnd"),
            learnedOfInfringement: day("learnedOfInfringement"),
            amountClaimed: values["amountClaimed"].flatMap { Int64($0) }.map(Fen.init),
            workersAffected: values["workersAffected"].flatMap { Int($0) },
            hasWrittenContract: values["hasWrittenContract"].flatMap { $0 == "true" ? true : $0 == "false" ? false : nil },
            workerCategory: values["workerCategory"].flatMap { $0.isEmpty ? nil : $0 })
        let legalCase = LegalCase(kind: values["kind"] ?? "", tags: list("tags"), facts: facts,
                                  findings: list("findings"),
                                  narrative: subject.text(of: "narrative") ?? values["narrative"] ?? "")
        return (legalCase, day("today"))
    }
}
