import Foundation
import GRDB

/// Group commit of case intakes: concurrent callers of `CaseStore.create` share one durable transaction.
///
/// Every intake costs one fsync of the WAL when it commits alone (`synchronous = FULL`). Callers that arrive
/// while a commit is on its way queue up; when it finishes, the first of them (the *leader*) takes the whole queue
/// (up to `maxBatch`), writes every intake in its own savepoint inside one transaction, commits once, and then
/// hands every waiter its own result. No one waits for a timer: a caller alone commits at once, exactly as
/// before, and waiting only happens while another commit is already running.
///
/// - Each caller returns only after the transaction holding its case has committed, so a returned case is as
///   durable as with one transaction per case.
/// - An intake that throws rolls back its savepoint only; the others of the batch are committed. A failure of
///   the commit itself fails every intake of that batch (none of them is stored).
/// - Case numbers stay unique and gap-free: the batch runs on the single writer connection, one intake after another.
///
/// **Sendable.** `@unchecked` because the queue is mutable state; every access to `queue` and to a ticket's
/// `outcome` happens with `condition` locked, and `work` closures are `@Sendable`.
final class GroupCommit<Output: Sendable>: @unchecked Sendable {
    /// One queued intake: its work and, once its batch committed or failed, its outcome.
    final class Ticket {
        let work: @Sendable (Database) throws -> Output
        var outcome: Result<Output, any Error>?
        init(_ work: @escaping @Sendable (Database) throws -> Output) { self.work = work }
    }

    private let condition = NSCondition()
    private var queue: [Ticket] = []
    private let maxBatch: Int
    /// Runs one batch in one write transaction and returns once it committed (or throws if it did not).
    private let commit: (_ body: (Database) throws -> Void) throws -> Void

    init(maxBatch: Int, commit: @escaping (_ body: (Database) throws -> Void) throws -> Void) {
        self.maxBatch = max(1, maxBatch)
        self.commit = commit
    }

    /// Runs `work` in a savepoint of the next group transaction and returns its output once that transaction
    /// committed. Blocks the calling thread (run it on a thread that may block, like any SQLite write).
    func perform(_ work: @escaping @Sendable (Database) throws -> Output) throws -> Output {
        let ticket = Ticket(work)
        condition.lock()
        queue.append(ticket)
        while ticket.outcome == nil, queue.first !== ticket { condition.wait() }
        if let outcome = ticket.outcome {
            condition.unlock()
            return try outcome.get()
        }
        let batch = Array(queue.prefix(maxBatch))
        condition.unlock()
        let outcomes = run(batch)
        condition.lock()
        for (member, outcome) in zip(batch, outcomes) { member.outcome = outcome }
        queue.removeFirst(batch.count)
        condition.broadcast()
        condition.unlock()
        return try outcomes[0].get()
    }

    /// Writes `batch` in one transaction, one savepoint per ticket; the outcomes in the order of `batch`.
    func run(_ batch: [Ticket]) -> [Result<Output, any Error>] {
        var outcomes: [Result<Output, any Error>] = []
        do {
            try commit { db in
                outcomes = []
                for ticket in batch {
                    var output: Output?
                    do {
                        try db.inSavepoint {
                            output = try ticket.work(db)
                            return .commit
                        }
                        outcomes.append(output.map { .success($0) } ?? .failure(StoreError.io("intake produced no case")))
                    } catch {
                        outcomes.append(.failure(error))
                    }
                }
            }
        } catch {
            return batch.map { _ in .failure(error) }
        }
        return outcomes
    }
}
