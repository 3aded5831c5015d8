import CaseCore
@testable import CaseStore
import Foundation
import Testing

@Suite("Backup: a checked, consistent copy that never overwrites")
struct BackupTests {
    private func target() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rightsdesk-backup-\(UUID().uuidString).sqlite").path
    }

    @Test("the copy opens as a store and holds the same cases and events")
    func copyHoldsEverything() throws {
        let store = try CaseStore.temporary()
        let first = try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        _ = try store.create(Fixture.fullRecord(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        try store.append([Fixture.note(first.id, "回访：当事人已提交转账记录")])
        let path = target()
        defer { try? FileManager.default.removeItem(atPath: path) }

        let report = try store.backup(to: path)
        #expect(report.cases == 2)
        #expect(report.events == 3)
        #expect(report.bytes > 0)
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))

        let copy = try CaseStore(path: path)
        let original = try #require(try store.get(id: first.id))
        let restored = try #require(try copy.get(id: first.id))
        #expect(restored == original)
        #expect(try copy.events(caseId: first.id).count == 2)
        #expect(try copy.summary().total == 2)
    }

    @Test("an existing file is refused and left unchanged")
    func neverOverwrites() throws {
        let store = try CaseStore.temporary()
        let path = target()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("precious".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try store.backup(to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("precious".utf8))
    }

    @Test("the database itself is refused as a target")
    func notItself() throws {
        let store = try CaseStore.temporary()
        #expect(throws: StoreError.invalid("backup: \(store.path) is the database itself")) {
            try store.backup(to: store.path)
        }
    }
}
