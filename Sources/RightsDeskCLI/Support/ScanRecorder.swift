import CaseEngine
import CaseStore
import Foundation
import Scanning

/// Stores scan verdicts for later questions (`rightsdesk scan --record`), in batches, in the case database, and
/// indexes the entities each posting names (phones, WeChat ids, companies …) so that `entities show` and the
/// black-intermediary checks see postings beside cases.
final class ScanRecorder {
    private let store: CaseStore
    private let source: String?
    private let scannedAt: Date
    private var pending: [ScanRecord] = []
    private var pendingEntities: [(postingId: String, at: Date, entities: [EntityOccurrence])] = []
    private(set) var recorded = 0
    /// The database file.
    var path: String { store.path }

    static let batchSize = 1000

    /// Opens an existing RightsDesk database.
    ///
    /// - Throws: `StoreError` when the file is missing, foreign or newer.
    init(databasePath: String, source: String?, now: Date = Date()) throws {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw StoreError.notFound("\(databasePath) (run rightsdesk init --db \(databasePath) first)")
        }
        store = try CaseStore(path: databasePath)
        self.source = source
        scannedAt = now
    }

    /// Queues one posting's verdict; `line` is the scanner's JSON line for it (id, verdict, score, findings).
    func add(_ outcome: ScanOutcome, line: String) throws {
        pending.append(ScanRecord(postingId: outcome.id, scannedAt: scannedAt,
                                  verdict: outcome.evaluation.verdict.rawValue, score: outcome.evaluation.score,
                                  findingsJSON: line, source: source))
        let entities = PostingEntities.occurrences(of: outcome.subject)
        if !entities.isEmpty { pendingEntities.append((outcome.id, scannedAt, entities)) }
        if pending.count >= Self.batchSize { try flush() }
    }

    /// Writes what is queued, in one transaction.
    func flush() throws {
        guard !pending.isEmpty else { return }
        try store.recordScans(pending)
        try store.indexPostings(pendingEntities)
        recorded += pending.count
        pending.removeAll(keepingCapacity: true)
        pendingEntities.removeAll(keepingCapacity: true)
    }
}
