import Foundation
import GRDB

/// What a backup wrote: the file and what it holds, read back from the copy itself.
public struct BackupReport: Sendable, Hashable, Codable {
    /// The backup file.
    public var path: String
    /// Cases in the copy.
    public var cases: Int
    /// Events in the copy.
    public var events: Int
    /// Size of the copy in bytes.
    public var bytes: Int64
}

extension CaseStore {
    /// Copies the whole database — cases, events, links, scan records, entities, accounts — to a new file while the
    /// store stays in use, then checks the copy.
    ///
    /// The copy is one consistent snapshot (SQLite's online backup reads inside one read transaction, so writes that
    /// commit meanwhile are either wholly in it or wholly absent). It is written to `path.partial`, switched to a
    /// self-contained rollback journal (no `-wal` file to forget), checked with `PRAGMA integrity_check`, and only
    /// then renamed to `path`: a file at `path` is always a complete, checked backup.
    ///
    /// - Parameter path: The backup file. It must not exist: a backup never overwrites anything.
    /// - Returns: What the copy holds, counted in the copy.
    /// - Throws: `.invalid` when `path` exists or is the store itself; `.io` when writing or checking fails (the
    ///   partial file is removed).
    public func backup(to path: String) throws(StoreError) -> BackupReport {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        guard target.path != URL(fileURLWithPath: self.path).standardizedFileURL.path else {
            throw .invalid("backup: \(path) is the database itself")
        }
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw .invalid("backup: \(path) exists; a backup never overwrites a file")
        }
        let partial = target.path + ".partial"
        do {
            if FileManager.default.fileExists(atPath: partial) { try FileManager.default.removeItem(atPath: partial) }
            let report = try writeCheckedCopy(to: partial)
            try FileManager.default.moveItem(atPath: partial, toPath: target.path)
            logger.info("backup written", metadata: ["backup.cases": "\(report.cases)", "backup.bytes": "\(report.bytes)"])
            return BackupReport(path: target.path, cases: report.cases, events: report.events, bytes: report.bytes)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw StoreError.wrap(error, "backup to \(path)")
        }
    }

    private func writeCheckedCopy(to partial: String) throws -> (cases: Int, events: Int, bytes: Int64) {
        let copy = try DatabaseQueue(path: partial)
        try pool.backup(to: copy)
        let counts = try copy.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard check == ["ok"] else {
                throw StoreError.io("integrity check of the copy failed: \(check.prefix(3).joined(separator: "; "))")
            }
            let cases = try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0
            let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM case_events") ?? 0
            return (cases: cases, events: events)
        }
        try copy.close()
        let size = (try FileManager.default.attributesOfItem(atPath: partial)[.size] as? NSNumber)?.int64Value ?? 0
        return (counts.cases, counts.events, size)
    }
}
