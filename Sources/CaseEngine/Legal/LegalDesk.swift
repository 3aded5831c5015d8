import CaseCore
import CaseStore
import Foundation
import LegalReferral

/// The legal service desk's operations on top of ``CaseService``: routes and clocks for a case, the queue of cases
/// referred to the desk, advice and outcome events, and the referral sheet.
///
/// ```swift
/// let desk = try LegalDesk(service: service, rulesDirectory: "rules")
/// let report = try desk.routes("WC-2026-000001")
/// ```
public struct LegalDesk: Sendable {
    public let service: CaseService
    public let advisor: LegalAdvisor

    /// Referral targets that put a case in the desk's queue.
    public static let queueAuthorities: Set<String> = ["legalDesk", "legalAid"]

    /// Creates a desk over a service and loaded legal data (the calendar comes from the service's settings).
    public init(service: CaseService, data: LegalData) {
        self.service = service
        self.advisor = LegalAdvisor(data: data, calendar: service.settings.calendar)
    }

    /// Loads `legal/` from a rules directory.
    ///
    /// - Throws: `EngineError.configuration` naming the file and line.
    public init(service: CaseService, rulesDirectory: String) throws(EngineError) {
        do {
            let data = try LegalDataLoader.load(directory: URL(fileURLWithPath: rulesDirectory + "/legal"))
            self.init(service: service, data: data)
        } catch {
            throw .configuration(String(describing: error))
        }
    }

    /// Today in China Standard Time, from the service's clock.
    public var today: CalendarDay { CalendarDay(service.now()) }

    /// Routes, clocks and notes for a case; `findings` are rule ids other modules reported for it.
    public func routes(_ idOrNumber: String, findings: [String] = []) throws(EngineError) -> LegalCaseReport {
        let record = try service.record(idOrNumber)
        let events = try events(of: record)
        return report(record, events: events, findings: findings)
    }

    func report(_ record: CaseRecord, events: [CaseEvent], findings: [String]) -> LegalCaseReport {
        let aidReferral = events.last { $0.name == .refer && $0.detail.authority == "legalAid" }
        let input = LegalCase(kind: record.kind.rawValue, tags: record.tags, facts: record.facts, findings: findings,
                              narrative: record.narrative, legalAidAppliedOn: aidReferral.map { CalendarDay($0.at) })
        return LegalCaseReport(caseId: record.id, number: record.number, kind: record.kind, status: record.status,
                               priority: record.priority, today: today, advice: advisor.advise(input, today: today))
    }

    /// Cases with status `referred` whose last `refer` went to the legal desk or legal aid, oldest referral first.
    public func queue() throws(EngineError) -> [LegalQueueItem] {
        let records: [CaseRecord]
        do { records = try service.store.list(CaseFilter(status: [.referred], limit: 10_000)) } catch {
            throw EngineError.from(error)
        }
        var items: [LegalQueueItem] = []
        for record in records {
            let events = try events(of: record)
            guard let referral = events.last(where: { $0.name == .refer }),
                  let authority = referral.detail.authority, Self.queueAuthorities.contains(authority) else { continue }
            let nearest = report(record, events: events, findings: []).advice.nearestClock
            items.append(LegalQueueItem(caseId: record.id, number: record.number, kind: record.kind,
                                        priority: record.priority, authority: authority, referredAt: referral.at,
                                        nearestClock: nearest))
        }
        return items.sorted { ($0.referredAt, $0.caseId) < ($1.referredAt, $1.caseId) }
    }

    /// Records the desk's advice on a referred case.
    ///
    /// - Throws: `EngineError.invalidInput` for empty text or a case that is not `referred`; `.notFound`.
    public func advise(_ idOrNumber: String, text: String, actor: String) throws(EngineError) -> CaseView {
        try append(.advise, idOrNumber, text: text, actor: actor)
    }

    /// Records the outcome of a referral; the case then continues with `resolve`.
    ///
    /// - Throws: `EngineError.invalidInput` for empty text or a case that is not `referred`; `.notFound`.
    public func outcome(_ idOrNumber: String, text: String, actor: String) throws(EngineError) -> CaseView {
        try append(.outcome, idOrNumber, text: text, actor: actor)
    }

    private func append(_ name: CaseEventName, _ idOrNumber: String, text: String,
                        actor: String) throws(EngineError) -> CaseView {
        let record = try service.record(idOrNumber)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidInput(place: "text", message: "不能为空 / must not be empty") }
        guard record.status == .referred else {
            throw .invalidInput(place: "status", message: "仅可对已移送的案件记录 / only a referred case takes this (status: \(record.status.rawValue))")
        }
        let event = CaseEvent(caseId: record.id, at: service.now(), actor: actor, name: name, text: trimmed)
        do { try service.store.append([event]) } catch { throw EngineError.from(error) }
        service.logger.info("legal desk event", metadata: ["case.id": "\(record.id)", "event": "\(name.rawValue)"])
        return try service.show(idOrNumber, actor: actor)
    }

    /// Raises the case's priority to urgent when a worker's clock is near its end; returns whether it changed.
    public func raisePriorityIfNeeded(_ idOrNumber: String, actor: String) throws(EngineError) -> Bool {
        let record = try service.record(idOrNumber)
        let advice = report(record, events: try events(of: record), findings: []).advice
        guard advice.raisePriority, record.priority != .urgent else { return false }
        var updated = record
        updated.priority = .urgent
        updated.updatedAt = service.now()
        let event = CaseEvent(caseId: record.id, at: updated.updatedAt, actor: actor, name: .update,
                              reason: advice.warnings.first?.zh, detail: EventDetail(fields: ["priority"]))
        _ = try service.save(updated, expectedVersion: record.version, events: [event])
        return true
    }

    func events(of record: CaseRecord) throws(EngineError) -> [CaseEvent] {
        do { return try service.store.events(caseId: record.id) } catch { throw EngineError.from(error) }
    }
}

extension LegalDesk {
    /// The referral sheet; `full` shows personal data and records a `viewPersonalData` audit event.
    public func sheet(_ idOrNumber: String, full: Bool, actor: String, findings: [String] = []) throws(EngineError)
        -> ReferralSheet
    {
        let view = try service.show(idOrNumber, unmasked: full, actor: actor)
        let events = view.events ?? []
        let report = report(view.record, events: events, findings: findings)
        return ReferralSheet(site: advisor.data.site.name, view: view, report: report,
                             deskEvents: events.filter { $0.name == .advise || $0.name == .outcome },
                             printedOn: today)
    }
}
