import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import Testing

@Suite("CaseStore: cases, numbers and the event log")
struct CaseStoreTests {
    @Test("a full record is stored and read back unchanged, with its opening event")
    func roundTrip() throws {
        // Given a store and a case with every field set
        let store = try CaseStore.temporary()
        let record = Fixture.fullRecord()
        // When it is created and read back
        let created = try store.create(record, openEvent: Fixture.openEvent(), numberPrefix: "WC")
        let read = try #require(try store.get(id: created.id))
        // Then every field survives, and the store assigned id, number and version
        #expect(read == created)
        #expect(created.id > 0)
        #expect(created.version == 1)
        var expected = record
        expected.id = created.id
        expected.number = created.number
        #expect(created == expected)
        let events = try store.events(caseId: created.id)
        #expect(events.count == 1)
        #expect(events.first?.name == .open)
        #expect(events.first?.caseId == created.id)
        #expect(events.first?.at == Fixture.t0)
        #expect(events.first?.to == .received)
    }

    @Test("dates keep millisecond precision and come back equal to what create returned")
    func datePrecision() throws {
        let store = try CaseStore.temporary()
        let odd = Date(timeIntervalSince1970: 1_772_416_800.123_456_7)
        let created = try store.create(Fixture.record(createdAt: odd), openEvent: Fixture.openEvent(),
                                       numberPrefix: "WC")
        #expect(abs(created.createdAt.timeIntervalSince(odd)) < 0.001)
        #expect(try store.get(id: created.id) == created)
    }

    @Test("numbers are PREFIX-YEAR-6 digits, counted per prefix and per year (China Standard Time)")
    func numbering() throws {
        // Given a store
        let store = try CaseStore.temporary()
        // 2025-12-31 17:30 UTC is already 2026-01-01 01:30 in China
        let newYearInChina = Date(timeIntervalSince1970: 1_767_202_200)
        let lastDayOf2025 = Date(timeIntervalSince1970: 1_767_150_000)  // 2025-12-31 11:00 CST
        // When cases are created under two prefixes and two years
        let a = try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        let b = try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        let c = try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "FR")
        let d = try store.create(Fixture.record(createdAt: lastDayOf2025), openEvent: Fixture.openEvent(),
                                 numberPrefix: "WC")
        let e = try store.create(Fixture.record(createdAt: newYearInChina), openEvent: Fixture.openEvent(),
                                 numberPrefix: "WC")
        // Then each prefix and year has its own sequence
        #expect(a.number == "WC-2026-000001")
        #expect(b.number == "WC-2026-000002")
        #expect(c.number == "FR-2026-000001")
        #expect(d.number == "WC-2025-000001")
        #expect(e.number == "WC-2026-000003")
    }

    @Test("a case number prefix must be upper-case ASCII letters or digits", arguments: ["", "wc", "W-C", "案件", "ABCDEFGHI"])
    func badPrefix(prefix: String) throws {
        let store = try CaseStore.temporary()
        #expect(throws: StoreError.self) {
            try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: prefix)
        }
        #expect(try store.count(CaseFilter()) == 0)
    }

    @Test("events are append-only: raw SQL UPDATE and DELETE on case_events fail")
    func eventsAppendOnly() throws {
        // Given a case with an opening event and a note
        let store = try CaseStore.temporary()
        let created = try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        try store.append([Fixture.note(created.id, "来电人补充了聊天记录截图")])
        // When someone edits or deletes an event behind the store's back
        let queue = try DatabaseQueue(path: store.path)
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE case_events SET actor = 'intruder'") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "DELETE FROM case_events") }
        }
        try queue.close()
        // Then the log is unchanged
        let events = try store.events(caseId: created.id)
        #expect(events.map(\.name) == [.open, .note])
        #expect(events.map(\.actor) == ["op-01", "op-02"])
        #expect(events[0].seq < events[1].seq)
    }

    @Test("append adds events without changing the record or its version")
    func appendKeepsVersion() throws {
        let store = try CaseStore.temporary()
        let created = try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        try store.append([CaseEvent(caseId: created.id, at: Fixture.t0, actor: "op-03", name: .viewPersonalData)])
        #expect(try store.get(id: created.id) == created)
        #expect(try store.events(caseId: created.id).last?.name == .viewPersonalData)
        #expect(throws: StoreError.notFound("case 999")) {
            try store.append([Fixture.note(999, "x")])
        }
    }

    @Test("an update with the current version writes version+1 and its events atomically")
    func updateAdvancesVersion() throws {
        // Given a stored case
        let store = try CaseStore.temporary()
        let created = try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        // When it is triaged with the version it was read at
        var edited = created
        edited.status = .triaged
        edited.department = "市场监管"
        edited.updatedAt = Fixture.t0.addingTimeInterval(300)
        let triage = CaseEvent(caseId: created.id, at: edited.updatedAt, actor: "op-01", name: .triage,
                               from: .received, to: .triaged, detail: EventDetail(department: "市场监管"))
        let stored = try store.update(edited, expectedVersion: 1, events: [triage])
        // Then the version advanced and the event is in the log
        #expect(stored.version == 2)
        #expect(stored.status == .triaged)
        #expect(try store.get(id: created.id) == stored)
        let events = try store.events(caseId: created.id)
        #expect(events.map(\.name) == [.open, .triage])
        #expect(events.last?.detail.department == "市场监管")
    }

    @Test("an update based on a stale version is refused with the current version, and changes nothing")
    func staleUpdateConflicts() throws {
        // Given a case at version 2
        let store = try CaseStore.temporary()
        let created = try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        var first = created
        first.status = .triaged
        let current = try store.update(first, expectedVersion: 1, events: [])
        let eventsBefore = try store.events(caseId: created.id)
        // When an edit based on version 1 arrives
        var stale = created
        stale.narrative = "覆盖的内容"
        stale.status = .rejected
        #expect(throws: StoreError.conflict(caseId: created.id, expected: 1, current: 2)) {
            try store.update(stale, expectedVersion: 1, events: [Fixture.note(created.id, "不应写入")])
        }
        // Then neither the record nor the log changed
        #expect(try store.get(id: created.id) == current)
        #expect(try store.events(caseId: created.id) == eventsBefore)
    }

    @Test("two clients that read the same version: the second write is refused, no update is lost")
    func lostUpdateIsPrevented() async throws {
        // Given two clients that both read version 1
        let store = try CaseStore.temporary()
        let created = try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        let readByA = try #require(try store.get(id: created.id))
        let readByB = try #require(try store.get(id: created.id))
        // When both write concurrently
        let results = await withTaskGroup(of: Result<CaseRecord, StoreError>.self) { group in
            for (client, read) in [("A", readByA), ("B", readByB)] {
                group.addTask {
                    var edited = read
                    edited.assignee = "op-\(client)"
                    do throws(StoreError) {
                        return .success(try store.update(edited, expectedVersion: read.version,
                                                         events: [Fixture.note(read.id, "client \(client)")]))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var all: [Result<CaseRecord, StoreError>] = []
            for await result in group { all.append(result) }
            return all
        }
        // Then exactly one succeeded, the other got a conflict naming version 2, and the winner's write stands
        let winners = results.compactMap { try? $0.get() }
        let conflicts = results.compactMap { result -> StoreError? in
            if case .failure(let error) = result { return error }
            return nil
        }
        #expect(winners.count == 1)
        #expect(conflicts == [.conflict(caseId: created.id, expected: 1, current: 2)])
        let stored = try #require(try store.get(id: created.id))
        #expect(stored == winners.first)
        #expect(try store.events(caseId: created.id).count == 2)
    }

    @Test("two stores on the same file (two processes) cannot overwrite each other's update")
    func twoConnectionsConflict() throws {
        // Given two stores opened on one file, both reading version 1
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cases.sqlite").path
        let desk = try CaseStore(path: path)
        let supervisor = try CaseStore(path: path)
        let created = try desk.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        var byDesk = try #require(try desk.get(id: created.id))
        var bySupervisor = try #require(try supervisor.get(id: created.id))
        // When the desk writes first and the supervisor writes on the same base version
        byDesk.status = .triaged
        let stored = try desk.update(byDesk, expectedVersion: 1, events: [])
        bySupervisor.status = .rejected
        // Then the supervisor is told, and the desk's change stands
        #expect(throws: StoreError.conflict(caseId: created.id, expected: 1, current: 2)) {
            try supervisor.update(bySupervisor, expectedVersion: 1, events: [])
        }
        #expect(try supervisor.get(id: created.id) == stored)
    }

    @Test("update of an unknown case is notFound")
    func updateUnknown() throws {
        let store = try CaseStore.temporary()
        var record = Fixture.record()
        record.id = 42
        #expect(throws: StoreError.notFound("case 42")) {
            try store.update(record, expectedVersion: 1, events: [])
        }
    }

    @Test("importBatch stores every case with consecutive numbers and its opening event")
    func importBatch() throws {
        // Given 2 500 cases (more than one batch)
        let store = try CaseStore.temporary()
        let items = (0..<2_500).map { i in
            (record: Fixture.record("第\(i)号来电：中介收取服务费", createdAt: Fixture.t0.addingTimeInterval(Double(i))),
             openEvent: Fixture.openEvent())
        }
        // When they are imported
        let count = try store.importBatch(items, numberPrefix: "IM")
        // Then all are there, numbered in order, each with one event
        #expect(count == 2_500)
        #expect(try store.count(CaseFilter()) == 2_500)
        #expect(try store.find("IM-2026-002500")?.narrative == "第2499号来电：中介收取服务费")
        let last = try #require(try store.find("im-2026-002500"))
        #expect(try store.events(caseId: last.id).map(\.name) == [.open])
        #expect(try store.search("第2499号").map(\.id) == [last.id])
        // "2499" is also in the number IM-2026-002499 of the case before it
        #expect(try store.search("2499").count == 2)
    }

    @Test("data survives closing and reopening the file")
    func durableAcrossReopen() throws {
        // Given a store file with a case, a note and a scan
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cases.sqlite").path
        var created: CaseRecord
        do {
            let store = try CaseStore(path: path)
            created = try store.create(Fixture.fullRecord(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
            try store.append([Fixture.note(created.id, "回访：已联系")])
            try store.recordScans([ScanRecord(postingId: "p-1", scannedAt: Fixture.t0, verdict: "likelyFraud",
                                              score: 12, findingsJSON: "[]", source: "feed-a")])
        }
        // When the file is opened again by a new store
        let reopened = try CaseStore(path: path)
        // Then everything is there, and numbering continues
        #expect(try reopened.get(id: created.id) == created)
        #expect(try reopened.events(caseId: created.id).count == 2)
        #expect(try reopened.scans(postingId: "p-1").count == 1)
        #expect(try reopened.search("拖欠").map(\.id) == [created.id])
        let next = try reopened.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        #expect(next.number == "WC-2026-000002")
    }

    @Test("scans are recorded and read back per posting, oldest first")
    func scans() throws {
        let store = try CaseStore.temporary()
        let older = ScanRecord(postingId: "job-9", scannedAt: Fixture.t0, verdict: "suspicious", score: 5,
                               findingsJSON: #"[{"rule":"fake_job.upfront_fee"}]"#)
        let newer = ScanRecord(postingId: "job-9", scannedAt: Fixture.t0.addingTimeInterval(3600),
                               verdict: "clean", score: 0, findingsJSON: "[]", source: "feed-b")
        let other = ScanRecord(postingId: "job-10", scannedAt: Fixture.t0, verdict: "clean", score: 0,
                               findingsJSON: "[]")
        try store.recordScans([newer, other, older])
        #expect(try store.scans(postingId: "job-9") == [older, newer])
        #expect(try store.scans(postingId: "nothing").isEmpty)
    }

    @Test("the writer runs with synchronous = FULL in WAL mode with foreign keys on")
    func durabilitySettings() throws {
        let store = try CaseStore.temporary()
        let (synchronous, journal, foreignKeys) = try store.pool.writeWithoutTransaction { db in
            (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(synchronous == 2)  // FULL
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
    }
}
