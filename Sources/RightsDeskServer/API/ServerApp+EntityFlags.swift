import CaseCore
import CaseEngine
import CaseStore
import RuleKit

extension ServerApp {
    /// Evaluates a newly opened case with the running rule modules (with the entity index as history) and records
    /// the entity flags its findings raise, as `case open` does in the CLI: this is what the dashboard's flagged
    /// intermediaries and the entity pages show. A failure is logged (case id only) and never fails the intake.
    func recordEntityFlags(_ record: CaseRecord) {
        let history = StoreEntityContext(store: service.store, now: { [service] in service.currentTime })
        let findings = registry.evaluate(CaseEntities.subject(of: record), context: history).findings
        let flags = IntermediaryDesk.flagRecords(findings, caseId: record.id, postingId: nil, at: service.currentTime)
        do {
            try service.store.recordFlags(flags)
        } catch {
            logger.error("recording entity flags failed", metadata: ["case.id": "\(record.id)"])
        }
    }
}
