import CaseCore
import Foundation

extension CaseService {
    /// Changes a case's priority, tags or facts (see ``CaseUpdate``) and records one `update` event naming the
    /// changed fields and the reason. Nothing changes — no event, no new version — when the update changes nothing.
    ///
    /// - Parameters:
    ///   - reason: Why, for the audit log (required: facts drive legal clocks and priority drives deadlines).
    ///   - expectedVersion: the version the user saw; nil means "the current one" (scripts should pass it).
    /// - Throws: `.invalidInput` for an empty reason or invalid facts, `.conflict` for a stale version, `.notFound`.
    public func update(_ idOrNumber: String, with change: CaseUpdate, reason: String, expectedVersion: Int? = nil,
                       actor: String) throws(EngineError) -> CaseView {
        let current = try record(idOrNumber)
        try checkVersion(current, expectedVersion)
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw .invalidInput(place: "reason", message: "修改必须填写原因 / a reason is required") }
        var updated = current
        if let priority = change.priority { updated.priority = priority }
        if let tags = change.tags {
            updated.tags = tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        updated.facts = current.facts.applying(change)
        try updated.facts.validate()
        var fields: [String] = []
        if updated.priority != current.priority { fields.append("priority") }
        if updated.tags != current.tags { fields.append("tags") }
        fields += updated.facts.changedKeys(comparedTo: current.facts)
        guard !fields.isEmpty else { return try view(current, events: nil, masked: false) }
        updated.updatedAt = now()
        let event = CaseEvent(caseId: current.id, at: updated.updatedAt, actor: actor, name: .update, reason: why,
                              detail: EventDetail(fields: fields))
        let stored = try save(updated, expectedVersion: current.version, events: [event])
        logger.info("case updated", metadata: ["case.id": "\(stored.id)", "fields": "\(fields.joined(separator: ","))"])
        return try view(stored, events: nil, masked: false)
    }
}
