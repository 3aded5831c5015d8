import CaseCore
import CaseStore
import Foundation

/// `rightsdesk report summary`: counts by kind, status and department, and how many open cases are overdue.
public struct SummaryReport: Codable, Sendable, Equatable {
    public var total: Int
    public var byKind: [String: Int]
    public var byStatus: [String: Int]
    public var byDepartment: [String: Int]
    public var open: Int
    public var overdue: Int
    public var generatedAt: Date
}

extension CaseService {
    /// Counts cases; computes overdue from each open case's event log.
    public func summary() throws(EngineError) -> SummaryReport {
        let base: StoreSummary
        var open = 0
        var overdue = 0
        do {
            base = try store.summary()
            // Collect first: the store may not be re-entered while it streams.
            var openCases: [CaseRecord] = []
            try store.forEachCase { record in
                if record.mergedInto == nil, !record.status.isFinished { openCases.append(record) }
            }
            for record in openCases {
                open += 1
                let events = try store.events(caseId: record.id)
                let deadline = ServiceClock.compute(events: events, kind: record.kind, priority: record.priority,
                                                    policy: settings.sla, calendar: settings.calendar, now: now())
                if deadline.isOverdue { overdue += 1 }
            }
        } catch let error as StoreError {
            throw EngineError.from(error)
        } catch {
            throw .store(.io(String(describing: error)))
        }
        return SummaryReport(total: base.total, byKind: base.byKind, byStatus: base.byStatus,
                             byDepartment: base.byDepartment, open: open, overdue: overdue, generatedAt: now())
    }
}
