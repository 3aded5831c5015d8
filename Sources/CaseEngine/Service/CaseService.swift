import CaseCore
import CaseStore
import Foundation
import Logging

/// Orchestrates case work: intake → workflow → store, with deadlines computed from the event log.
///
/// Every change runs the pure `CaseStateMachine`, then performs its actions in one store transaction with an
/// optimistic version check, so a stale edit is refused and changes nothing.
public final class CaseService: Sendable {
    public let store: CaseStore
    public let settings: CaseEngineSettings
    let logger: Logger
    let now: @Sendable () -> Date

    public init(store: CaseStore, settings: CaseEngineSettings, logger: Logger = Logger(label: "rightsdesk.engine"),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.settings = settings
        self.logger = logger
        self.now = now
    }

    // MARK: - Intake

    /// Opens a case from an intake; returns it with its deadline.
    ///
    /// - Throws: `EngineError.invalidInput` naming the bad field; store errors.
    public func open(_ intake: CaseIntake, actor: String) throws(EngineError) -> CaseView {
        let at = now()
        let valid = try intake.validated(today: CalendarDay(at))
        let record = CaseRecord(kind: valid.kind, channel: valid.channel, priority: valid.priority,
                                narrative: valid.narrative, parties: valid.parties, department: valid.department,
                                tags: valid.tags, facts: valid.facts, createdAt: at)
        let event = CaseEvent(caseId: 0, at: at, actor: actor, name: .open, to: .received,
                              detail: EventDetail(department: valid.department))
        let stored: CaseRecord
        do {
            // Entities are indexed in the case's own transaction (a failure there is logged and does not undo it).
            stored = try store.create(record, openEvent: event, numberPrefix: settings.numberPrefix,
                                      entities: CaseEntities.occurrences(of: record))
        } catch {
            throw EngineError.from(error)
        }
        logger.info("case opened", metadata: ["case.id": "\(stored.id)", "case.kind": "\(stored.kind.rawValue)"])
        // The log of a new case is its opening event, as stored: no need to read it back.
        var opened = event
        opened.caseId = stored.id
        opened.at = stored.createdAt
        return try view(stored, events: [opened], masked: false)
    }

    // MARK: - Reading

    /// Finds a case by id or number, following merge redirects.
    public func record(_ idOrNumber: String) throws(EngineError) -> CaseRecord {
        let found: CaseRecord?
        do { found = try store.find(idOrNumber) } catch { throw EngineError.from(error) }
        guard let record = found else { throw .notFound(idOrNumber) }
        return record
    }

    /// A case with its timeline, links and deadline. With `unmasked`, records a `viewPersonalData` audit event.
    public func show(_ idOrNumber: String, unmasked: Bool = false, actor: String) throws(EngineError) -> CaseView {
        let rec = try record(idOrNumber)
        if unmasked {
            let audit = CaseEvent(caseId: rec.id, at: now(), actor: actor, name: .viewPersonalData)
            do { try store.append([audit]) } catch { throw EngineError.from(error) }
        }
        let events: [CaseEvent]
        let links: [CaseLink]
        do {
            events = try store.events(caseId: rec.id)
            links = try store.links(caseId: rec.id)
        } catch { throw EngineError.from(error) }
        var v = try view(rec, events: events, masked: !unmasked)
        v.events = events
        v.links = links
        return v
    }

    /// Lists cases (masked), newest first; `overdueOnly` keeps those past their due time.
    public func list(_ filter: CaseFilter, overdueOnly: Bool = false) throws(EngineError) -> [CaseView] {
        let records: [CaseRecord]
        do { records = try store.list(filter) } catch { throw EngineError.from(error) }
        let views = try records.map { r throws(EngineError) in try view(r, events: nil, masked: true) }
        return overdueOnly ? views.filter(\.overdue) : views
    }

    /// Full-text search over narratives and party names; works for Chinese queries of any length.
    public func search(_ query: String, limit: Int = 50) throws(EngineError) -> [CaseView] {
        let records: [CaseRecord]
        do { records = try store.search(query, limit: limit) } catch { throw EngineError.from(error) }
        return try records.map { r throws(EngineError) in try view(r, events: nil, masked: true) }
    }

    /// Builds the view of a record, computing its deadline from its event log.
    func view(_ record: CaseRecord, events: [CaseEvent]?, masked: Bool) throws(EngineError) -> CaseView {
        let log: [CaseEvent]
        if let events { log = events } else {
            do { log = try store.events(caseId: record.id) } catch { throw EngineError.from(error) }
        }
        let deadline = ServiceClock.compute(events: log, kind: record.kind, priority: record.priority,
                                            policy: settings.sla, calendar: settings.calendar, now: now())
        var shown = record
        if masked { shown.parties = record.parties.map { $0.maskedForDisplay() } }
        return CaseView(record: shown, deadline: deadline, events: nil, links: nil, masked: masked)
    }
}
