import CaseCore
import Foundation
import GRDB
import Logging

/// The SQLite case store: cases, their append-only event log, links, case numbers, scan records and a Chinese
/// full-text index, in one file.
///
/// The file is opened as a GRDB `DatabasePool` in WAL mode: one writer connection (writes are serialised and each
/// runs in one `IMMEDIATE` transaction) and several reader connections that read concurrently with it.
///
/// **Durability.** The writer runs with `PRAGMA synchronous = FULL`: in WAL mode SQLite then syncs the WAL file at
/// every commit, so a write that returned has reached the disk and survives a crash of the process *and* of the
/// machine (power loss). With `NORMAL` (GRDB's default for WAL) the last commits could be rolled back by a
/// power loss, which a hotline that has told a caller "your case number is …" cannot accept. The cost is one
/// fsync per transaction (see docs/benchmarks.md); bulk imports batch many cases per transaction, and concurrent
/// `create` calls share one transaction (group commit, `GroupCommit`, ADR 0012): each still returns only after
/// the commit that holds its case.
///
/// **Sendable.** Every stored property is immutable and itself `Sendable` (`DatabasePool` is a thread-safe GRDB
/// type that serialises writes and pools readers; `Logger` and `String` are values), so one store may be shared by
/// all tasks of a process without a lock of its own.
///
/// **Opening is safe.** A file that is not SQLite, or a SQLite file of another application, is refused with
/// `.notRightsDeskDatabase` before anything is written to it; a file migrated by a newer RightsDesk is refused with
/// `.newerSchema`.
///
/// ```swift
/// let store = try CaseStore(path: "rightsdesk.sqlite")
/// let stored = try store.create(record, openEvent: event, numberPrefix: "WC")
/// print(stored.number) // WC-2026-000001
/// ```
///
/// Never logs narratives or personal data: only case ids, counts and the file path.
public final class CaseStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    let logger: Logger
    /// Case creations waiting to share the next durable commit (see `GroupCommit`).
    let intakes: GroupCommit<CaseRecord>
    /// Entity flags recorded after intakes, sharing durable commits the same way (an intake's flags follow its case).
    let flagWrites: GroupCommit<Void>
    /// Removed when the store is released (stores made by `temporary()` only).
    private let temporaryDirectory: URL?

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    ///
    /// - Parameters:
    ///   - path: The SQLite file. A missing or empty file becomes a new store.
    ///   - logger: Receives open and write notices (case ids and counts only).
    /// - Throws: `.notRightsDeskDatabase` for a foreign or non-SQLite file, `.newerSchema` for a file of a newer
    ///   RightsDesk, `.io` when the file cannot be opened or migrated.
    public convenience init(path: String, logger: Logger = Logger(label: "rightsdesk.store")) throws(StoreError) {
        try self.init(path: path, logger: logger, temporaryDirectory: nil)
    }

    init(path: String, logger: Logger, temporaryDirectory: URL?) throws(StoreError) {
        try DatabaseFileCheck.check(path: path, migrator: Self.migrator)
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration())
            // GRDB sets `synchronous = NORMAL` when it enables WAL on the writer, after `prepareDatabase`: set FULL
            // here, on the single writer connection, where it stays for the pool's life.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError.wrap(error, "open")
        }
        self.path = path
        self.logger = logger
        intakes = GroupCommit(maxBatch: Self.maxIntakeBatch) { [pool] body in try pool.write(body) }
        flagWrites = GroupCommit(maxBatch: Self.maxIntakeBatch) { [pool] body in try pool.write(body) }
        self.temporaryDirectory = temporaryDirectory
        logger.debug("case store opened", metadata: ["store.path": "\(path)"])
    }

    deinit {
        if let temporaryDirectory {
            try? FileManager.default.removeItem(at: temporaryDirectory)
        }
    }

    /// A new, empty store in a fresh temporary directory, removed when the store is released (for tests).
    public static func temporary() throws(StoreError) -> CaseStore {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rightsdesk-store-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.io("cannot create temporary directory \(directory.path)")
        }
        return try CaseStore(path: directory.appendingPathComponent("cases.sqlite").path,
                             logger: Logger(label: "rightsdesk.store"), temporaryDirectory: directory)
    }

    /// The most case creations one group commit writes.
    static let maxIntakeBatch = 64

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "rightsdesk.store"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    // MARK: - Access helpers

    /// Runs `body` in one write transaction; any error becomes a `StoreError`.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StoreError.wrap(error, operation)
        }
    }

    /// Runs `body` on a reader (a consistent snapshot); any error becomes a `StoreError`.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError.wrap(error, operation)
        }
    }
}
