import Foundation
import GRDB

/// Decides, without writing anything, whether an existing file may be opened as a RightsDesk store.
///
/// 1. A missing or empty file is fine (it becomes a new store).
/// 2. A file that does not start with the SQLite header is refused (a text file, a PDF, ...): SQLite never sees it.
/// 3. Otherwise a read-only connection reads `PRAGMA application_id` and the schema: a file without our id that
///    holds any table is refused; one of ours with migrations this binary does not know is `.newerSchema`.
enum DatabaseFileCheck {
    static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    static func check(path: String, migrator: DatabaseMigrator) throws(StoreError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard !isDirectory.boolValue else { throw StoreError.io("\(path) is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.io("cannot read \(path)")
        }
        let header = (try? handle.read(upToCount: 100)) ?? nil
        try? handle.close()
        guard let header, !header.isEmpty else { return }
        guard header.count == 100, Array(header.prefix(sqliteHeader.count)) == sqliteHeader else {
            throw StoreError.notRightsDeskDatabase(path: path)
        }
        try checkSchema(path: path, migrator: migrator)
    }

    private struct Facts {
        var applicationID: Int32
        var schemaObjects: Int
        var applied: Set<String>
    }

    private static func checkSchema(path: String, migrator: DatabaseMigrator) throws(StoreError) {
        let facts: Facts
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            facts = try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                var applied = Set<String>()
                if try db.tableExists("grdb_migrations") {
                    applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
                }
                return Facts(applicationID: id, schemaObjects: objects, applied: applied)
            }
            try queue.close()
        } catch let error as DatabaseError
                    where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            // A damaged or foreign file that merely starts like SQLite.
            throw StoreError.notRightsDeskDatabase(path: path)
        } catch {
            throw StoreError.wrap(error, "open \(path)")
        }
        guard facts.applicationID == CaseStore.applicationID else {
            if facts.schemaObjects == 0 { return }
            throw StoreError.notRightsDeskDatabase(path: path)
        }
        // `server.*` migrations belong to RightsDeskServer's account tables in the same file (docs/security.md).
        let unknown = facts.applied.subtracting(migrator.migrations).filter { !$0.hasPrefix("server.") }.sorted()
        if !unknown.isEmpty {
            throw StoreError.newerSchema(path: path, found: unknown.joined(separator: ", "),
                                         known: migrator.migrations.last ?? "none")
        }
    }
}
