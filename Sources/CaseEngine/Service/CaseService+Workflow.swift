import CaseCore
import CaseStore
import Foundation

extension CaseService {
    /// Applies a workflow event (triage, assign, refer, resolve …) to a case.
    ///
    /// - Parameters:
    ///   - expectedVersion: the version the user saw; nil means "the current one" (scripts should pass it).
    /// - Throws: `EngineError.workflow` for an illegal transition or a missing reason, `.conflict` for a stale
    ///   version, `.notFound`.
    public func transition(_ idOrNumber: String, _ request: TransitionRequest, expectedVersion: Int? = nil,
                           actor: String) throws(EngineError) -> CaseView {
        let current = try record(idOrNumber)
        try checkVersion(current, expectedVersion)
        let events: [CaseEvent]
        do { events = try store.events(caseId: current.id) } catch { throw EngineError.from(error) }
        let before = Self.statusBeforePause(events)
        let decision: TransitionDecision
        do {
            decision = try CaseStateMachine.decide(status: current.status, request: request, statusBeforePause: before)
        } catch {
            throw .workflow(error)
        }
        let at = now()
        var updated = current
        var newEvents: [CaseEvent] = []
        for action in decision.actions {
            switch action {
            case let .appendEvent(name, from, to):
                newEvents.append(CaseEvent(caseId: current.id, at: at, actor: actor, name: name, from: from, to: to,
                                           reason: request.reason?.trimmingCharacters(in: .whitespacesAndNewlines),
                                           detail: EventDetail(assignee: request.assignee,
                                                               department: request.department,
                                                               authority: request.authority, basis: request.basis)))
            case let .setStatus(status):
                updated.status = status
            case let .setAssignment(assignee, department):
                if let assignee { updated.assignee = assignee }
                if let department { updated.department = department }
            case .clock, .notify, .enqueueReferral:
                // Clocks are derived from the event log; notifications and referral queues are read from the log
                // too (the legal desk's queue is the set of cases whose last event is `refer` to it).
                break
            }
        }
        updated.updatedAt = at
        let stored = try save(updated, expectedVersion: current.version, events: newEvents)
        logger.info("case transition", metadata: ["case.id": "\(stored.id)", "event": "\(request.event.rawValue)"])
        return try view(stored, events: nil, masked: false)
    }

    /// Adds a note to the timeline. Notes do not change the version: they never conflict with an edit.
    public func note(_ idOrNumber: String, text: String, actor: String) throws(EngineError) -> CaseView {
        let current = try record(idOrNumber)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidInput(place: "note", message: "不能为空 / must not be empty") }
        let event = CaseEvent(caseId: current.id, at: now(), actor: actor, name: .note, text: trimmed)
        do { try store.append([event]) } catch { throw EngineError.from(error) }
        return try view(current, events: nil, masked: false)
    }

    /// Extends the service deadline by `days` working days; a reason is required.
    public func extendDeadline(_ idOrNumber: String, days: Int, reason: String, expectedVersion: Int? = nil,
                               actor: String) throws(EngineError) -> CaseView {
        let current = try record(idOrNumber)
        try checkVersion(current, expectedVersion)
        guard (1...60).contains(days) else {
            throw .invalidInput(place: "days", message: "应为 1–60 个工作日 / must be 1–60 working days")
        }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw .invalidInput(place: "reason", message: "延长期限必须填写原因 / a reason is required") }
        guard !current.status.isFinished, current.status != .referred else {
            throw .invalidInput(place: "status", message: "案件已结束，无法延期 / the case's clock has stopped")
        }
        let at = now()
        var updated = current
        updated.updatedAt = at
        let event = CaseEvent(caseId: current.id, at: at, actor: actor, name: .extendDeadline, reason: why,
                              detail: EventDetail(extensionDays: days))
        let stored = try save(updated, expectedVersion: current.version, events: [event])
        return try view(stored, events: nil, masked: false)
    }

    /// The status a case had when it last entered `awaitingInfo`, read from its log.
    static func statusBeforePause(_ events: [CaseEvent]) -> CaseStatus? {
        events.last { $0.to == .awaitingInfo }?.from
    }

    func checkVersion(_ record: CaseRecord, _ expected: Int?) throws(EngineError) {
        if let expected, expected != record.version {
            throw .conflict(caseId: record.id, expected: expected, current: record.version)
        }
    }

    func save(_ record: CaseRecord, expectedVersion: Int, events: [CaseEvent]) throws(EngineError) -> CaseRecord {
        do {
            return try store.update(record, expectedVersion: expectedVersion, events: events)
        } catch {
            throw EngineError.from(error)
        }
    }
}
