import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import Testing

@Suite("CaseStore: opening files safely")
struct OpeningTests {
    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("a SQLite file of another application is refused and left byte-for-byte unchanged")
    func foreignDatabase() throws {
        // Given another program's SQLite database
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')")
        }
        try queue.close()
        let before = try bytes(path)
        // When RightsDesk opens it
        #expect(throws: StoreError.notRightsDeskDatabase(path: path)) { try CaseStore(path: path) }
        // Then nothing was written
        #expect(try bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a file that is not SQLite at all is refused, not a crash",
          arguments: ["案件记录\n李小明 13800138000\n", "SQLite format 3", String(repeating: "x", count: 4096)])
    func notSQLite(content: String) throws {
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cases.txt").path
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notRightsDeskDatabase(path: path)) { try CaseStore(path: path) }
        #expect(try bytes(path) == Data(content.utf8))
    }

    @Test("a file with a valid SQLite header but damaged content is refused")
    func damagedSQLite() throws {
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("damaged.sqlite").path
        var data = Data("SQLite format 3\u{0}".utf8)
        data.append(Data(repeating: 0xAB, count: 8192))
        try data.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notRightsDeskDatabase(path: path)) { try CaseStore(path: path) }
        #expect(try bytes(path) == data)
    }

    @Test("a store migrated by a newer RightsDesk is refused with the unknown migration named")
    func newerSchema() throws {
        // Given a store that a newer binary migrated further
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cases.sqlite").path
        _ = try CaseStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99.future')")
        }
        try queue.close()
        // When this binary opens it
        #expect(throws: StoreError.newerSchema(path: path, found: "v99.future",
                                               known: CaseStore.migrator.migrations.last ?? "")) {
            try CaseStore(path: path)
        }
    }

    @Test("an empty file, or an empty SQLite database, becomes a new store")
    func emptyFiles() throws {
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let emptyFile = directory.appendingPathComponent("empty.sqlite").path
        try Data().write(to: URL(fileURLWithPath: emptyFile))
        let emptyDatabase = directory.appendingPathComponent("blank.sqlite").path
        let queue = try DatabaseQueue(path: emptyDatabase)
        try queue.write { db in try db.execute(sql: "PRAGMA user_version = 0") }
        try queue.close()
        for path in [emptyFile, emptyDatabase] {
            let store = try CaseStore(path: path)
            _ = try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
            #expect(try store.count(CaseFilter()) == 1)
        }
    }

    @Test("a new store is marked with the RightsDesk application id and named migrations")
    func marked() throws {
        let store = try CaseStore.temporary()
        let (applicationID, migrations) = try store.pool.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid"))
        }
        #expect(applicationID == CaseStore.applicationID)
        #expect(migrations == ["v1.cases", "v2.search", "v3.entities"])
    }

    @Test("error messages exist in Chinese and English and carry no personal data")
    func messages() {
        let errors: [StoreError] = [
            .notRightsDeskDatabase(path: "/tmp/a"), .newerSchema(path: "/tmp/a", found: "v9.x", known: "v2.search"),
            .conflict(caseId: 7, expected: 1, current: 2), .notFound("case 7"), .invalid("bad prefix"), .io("disk"),
        ]
        for error in errors {
            #expect(!error.message(.zh).isEmpty)
            #expect(!error.message(.en).isEmpty)
            #expect(error.message(.zh) != error.message(.en))
        }
        #expect(StoreError.conflict(caseId: 7, expected: 1, current: 2).message(.en).contains("version 1"))
    }
}
