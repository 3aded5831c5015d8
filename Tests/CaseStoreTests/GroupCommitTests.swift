import CaseCore
@testable import CaseStore
import EntityKit
import Foundation
import GRDB
import Synchronization
import Testing

@Suite("CaseStore: concurrent intakes share a durable commit")
struct GroupCommitTests {
    /// Runs `count` calls of `body` on as many threads at once and returns their outcomes by index.
    static func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) throws(StoreError) -> CaseRecord)
        -> [Result<CaseRecord, StoreError>] {
        let outcomes = Mutex([Int: Result<CaseRecord, StoreError>]())
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread {
                let outcome = Result { () throws(StoreError) -> CaseRecord in try body(index) }
                outcomes.withLock { $0[index] = outcome }
                group.leave()
            }.start()
        }
        group.wait()
        return outcomes.withLock { all in (0..<count).compactMap { all[$0] } }
    }

    @Test("40 concurrent creations are all committed, numbered without gaps or repeats, each with its opening event")
    func concurrentCreations() throws {
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cases.sqlite").path
        let store = try CaseStore(path: path)
        let outcomes = Self.concurrently(40) { index throws(StoreError) in
            try store.create(Fixture.record("第\(index)号投诉：押金被扣"), openEvent: Fixture.openEvent(),
                             numberPrefix: "WC")
        }
        let created = outcomes.compactMap { try? $0.get() }
        #expect(created.count == 40)
        #expect(Set(created.map(\.number)) == Set((1...40).map { String(format: "WC-2026-%06d", $0) }))
        #expect(Set(created.map(\.id)).count == 40)
        // A second store on the same file (another connection) sees every case with its opening event.
        let reopened = try CaseStore(path: path)
        for record in created {
            #expect(try reopened.get(id: record.id) == record)
            #expect(try reopened.events(caseId: record.id).map(\.name) == [.open])
        }
    }

    @Test("intakes that fail while others are being created fail alone; the others are stored")
    func failuresAmongConcurrentCreations() throws {
        let store = try CaseStore.temporary()
        let outcomes = Self.concurrently(30) { index throws(StoreError) in
            if index % 5 == 0 {
                do {
                    return try store.intakes.perform { db in
                        _ = try store.insertCase(db, Fixture.record("应被回滚的案件"), openEvent: Fixture.openEvent(),
                                                 prefix: "WC", encoder: RowCoding.encoder())
                        throw StoreError.invalid("test: failure after a write")
                    }
                } catch { throw StoreError.wrap(error, "test") }
            }
            return try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        }
        #expect(outcomes.count == 30)
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success: #expect(index % 5 != 0, "intake \(index) should have failed")
            case let .failure(error): #expect(index % 5 == 0 && error == .invalid("test: failure after a write"))
            }
        }
        #expect(try store.count(CaseFilter()) == 24)
        #expect(try store.search("应被回滚", limit: 10).isEmpty)
        let numbers = outcomes.compactMap { try? $0.get().number }
        #expect(Set(numbers) == Set((1...24).map { String(format: "WC-2026-%06d", $0) }))
    }

    @Test("in one batch, a failing intake is rolled back to its savepoint and the rest of the batch commits")
    func failingIntakeInOneBatch() throws {
        let store = try CaseStore.temporary()
        let good: @Sendable (Database) throws -> CaseRecord = { db in
            try store.insertCase(db, Fixture.record(), openEvent: Fixture.openEvent(), prefix: "WC",
                                 encoder: RowCoding.encoder())
        }
        let bad: @Sendable (Database) throws -> CaseRecord = { db in
            _ = try store.insertCase(db, Fixture.record("应被回滚的案件"), openEvent: Fixture.openEvent(), prefix: "WC",
                                     encoder: RowCoding.encoder())
            throw StoreError.invalid("test: failure after a write")
        }
        let outcomes = store.intakes.run([.init(good), .init(bad), .init(good)])
        let first = try outcomes[0].get(), third = try outcomes[2].get()
        #expect(throws: StoreError.self) { try outcomes[1].get() }
        #expect([first.number, third.number] == ["WC-2026-000001", "WC-2026-000002"])
        #expect(try store.count(CaseFilter()) == 2)
        #expect(try store.search("应被回滚", limit: 10).isEmpty)
        #expect(try store.events(caseId: third.id).count == 1)
    }

    @Test("concurrent flag writes share commits and every flag is recorded")
    func concurrentFlags() throws {
        let store = try CaseStore.temporary()
        let errors = Mutex(0)
        let group = DispatchGroup()
        for index in 0..<30 {
            group.enter()
            Thread {
                let flag = EntityFlagRecord(entity: Entity(kind: .phone, value: "1381234\(String(format: "%04d", index))"),
                                            rule: "black_intermediary.repeat_complaints", caseId: Int64(index + 1),
                                            at: Fixture.t0, evidence: ["第\(index)次投诉"])
                do { try store.recordFlags([flag]) } catch { errors.withLock { $0 += 1 } }
                group.leave()
            }.start()
        }
        group.wait()
        #expect(errors.withLock { $0 } == 0)
        #expect(try store.flaggedEntities(since: Fixture.t0.addingTimeInterval(-1)).count == 30)
        let one = try store.flags(of: Entity(kind: .phone, value: "13812340007"))
        #expect(one.map(\.rule) == ["black_intermediary.repeat_complaints"])
    }
}
