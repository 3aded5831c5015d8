import CaseCore
@testable import CaseStore
import Foundation
import Testing

@Suite("CaseStore: links, merges, lists and summaries")
struct LinkMergeListTests {
    private func twoCases(_ store: CaseStore) throws -> (CaseRecord, CaseRecord) {
        let a = try store.create(Fixture.record("同一中介收取押金，第一次来电"), openEvent: Fixture.openEvent(),
                                 numberPrefix: "WC")
        let b = try store.create(Fixture.record("同一中介收取押金，第二次来电"), openEvent: Fixture.openEvent(),
                                 numberPrefix: "WC")
        return (a, b)
    }

    @Test("a link is seen from both cases, and a link event is recorded on its source")
    func linksBothDirections() throws {
        // Given two cases
        let store = try CaseStore.temporary()
        let (a, b) = try twoCases(store)
        // When a is linked to b as related
        let link = CaseLink(from: a.id, to: b.id, type: .related, at: Fixture.t0, actor: "op-01")
        try store.link(link, reason: "同一中介")
        // Then both see the link; the event is on a; versions are unchanged
        #expect(try store.links(caseId: a.id) == [link])
        #expect(try store.links(caseId: b.id) == [link])
        let event = try #require(try store.events(caseId: a.id).last)
        #expect(event.name == .link)
        #expect(event.reason == "同一中介")
        #expect(event.detail.linkedCase == b.id)
        #expect(event.detail.linkType == "related")
        #expect(try store.get(id: a.id)?.version == 1)
        // And a second identical link, a self link and a link to a missing case are refused
        #expect(throws: StoreError.self) { try store.link(link, reason: nil) }
        #expect(throws: StoreError.self) {
            try store.link(CaseLink(from: a.id, to: a.id, type: .related, at: Fixture.t0, actor: "x"), reason: nil)
        }
        #expect(throws: StoreError.notFound("case 77")) {
            try store.link(CaseLink(from: a.id, to: 77, type: .parent, at: Fixture.t0, actor: "x"), reason: nil)
        }
    }

    @Test("a merged case redirects find to the survivor and drops out of list, count, search and summary")
    func mergeRedirects() throws {
        // Given two cases about the same intermediary
        let store = try CaseStore.temporary()
        let (source, target) = try twoCases(store)
        // When the second is merged into the first
        let at = Fixture.t0.addingTimeInterval(600)
        let merged = try store.merge(sourceId: target.id, into: source.id, expectedSourceVersion: 1, actor: "sup-1",
                                     at: at, reason: "重复来电")
        // Then the source is marked and versioned, the target untouched
        #expect(merged.source.mergedInto == source.id)
        #expect(merged.source.version == 2)
        #expect(merged.target == source)
        #expect(try store.get(id: target.id) == merged.source)
        // find by id or number lands on the survivor
        #expect(try store.find(String(target.id))?.id == source.id)
        #expect(try store.find(target.number.lowercased())?.id == source.id)
        // the merged case is excluded from lists
        #expect(try store.list(CaseFilter()).map(\.id) == [source.id])
        #expect(try store.count(CaseFilter()) == 1)
        #expect(try store.summary().total == 1)
        #expect(try store.search("第二次").isEmpty)
        #expect(try store.search("押金").map(\.id) == [source.id])
        // link and events on both sides
        #expect(try store.links(caseId: source.id)
                == [CaseLink(from: target.id, to: source.id, type: .duplicateOf, at: at, actor: "sup-1")])
        #expect(try store.events(caseId: target.id).last?.name == .merge)
        #expect(try store.events(caseId: source.id).last?.name == .absorb)
        #expect(try store.events(caseId: source.id).last?.detail.linkedCase == target.id)
    }

    @Test("merge checks the source version and refuses merged or identical cases")
    func mergeRefusals() throws {
        let store = try CaseStore.temporary()
        let (a, b) = try twoCases(store)
        let c = try store.create(Fixture.record("第三个案件"), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        #expect(throws: StoreError.conflict(caseId: b.id, expected: 7, current: 1)) {
            try store.merge(sourceId: b.id, into: a.id, expectedSourceVersion: 7, actor: "s", at: Fixture.t0,
                            reason: nil)
        }
        #expect(throws: StoreError.self) {
            try store.merge(sourceId: a.id, into: a.id, expectedSourceVersion: 1, actor: "s", at: Fixture.t0,
                            reason: nil)
        }
        _ = try store.merge(sourceId: b.id, into: a.id, expectedSourceVersion: 1, actor: "s", at: Fixture.t0,
                            reason: nil)
        // b is merged: neither a source nor a target any more, nor editable
        #expect(throws: StoreError.self) {
            try store.merge(sourceId: c.id, into: b.id, expectedSourceVersion: 1, actor: "s", at: Fixture.t0,
                            reason: nil)
        }
        let mergedB = try #require(try store.get(id: b.id))
        #expect(throws: StoreError.self) {
            try store.update(mergedB, expectedVersion: mergedB.version, events: [])
        }
        // a chain c → a is followed from c's number after c is merged into a
        _ = try store.merge(sourceId: c.id, into: a.id, expectedSourceVersion: 1, actor: "s", at: Fixture.t0,
                            reason: nil)
        #expect(try store.find(c.number)?.id == a.id)
    }

    @Test("find accepts ids and numbers in any letter case, and returns nil for unknown ones",
          arguments: ["", "   ", "0", "99", "WC-2026-999999", "not a number", "-1"])
    func findUnknown(key: String) throws {
        let store = try CaseStore.temporary()
        _ = try store.create(Fixture.record(), openEvent: Fixture.openEvent(), numberPrefix: "WC")
        #expect(try store.find(key) == nil)
        #expect(try store.find(" wc-2026-000001 ")?.number == "WC-2026-000001")
        #expect(try store.find("1")?.number == "WC-2026-000001")
    }

    @Test("list filters, orders newest first and pages; count agrees")
    func listAndCount() throws {
        // Given six cases over six days in two departments
        let store = try CaseStore.temporary()
        var created: [CaseRecord] = []
        for day in 0..<6 {
            let record = Fixture.record("案件\(day)", kind: day.isMultiple(of: 2) ? .complaint : .fraudReport,
                                        status: day < 3 ? .received : .assigned,
                                        department: day.isMultiple(of: 3) ? "劳动监察" : "市场监管",
                                        assignee: day == 5 ? "op-5" : nil,
                                        createdAt: Fixture.t0.addingTimeInterval(Double(day) * 86_400))
            created.append(try store.create(record, openEvent: Fixture.openEvent(), numberPrefix: "WC"))
        }
        // Then
        #expect(try store.list(CaseFilter()).map(\.narrative) == (0..<6).reversed().map { "案件\($0)" })
        #expect(try store.list(CaseFilter(limit: 2, offset: 1)).map(\.narrative) == ["案件4", "案件3"])
        #expect(try store.list(CaseFilter(status: [.assigned], kind: [.complaint])).map(\.narrative) == ["案件4"])
        #expect(try store.count(CaseFilter(department: "劳动监察")) == 2)
        #expect(try store.list(CaseFilter(assignee: "op-5")).map(\.id) == [created[5].id])
        let window = CaseFilter(createdFrom: created[1].createdAt, createdTo: created[3].createdAt)
        #expect(try store.list(window).map(\.narrative) == ["案件2", "案件1"])
        #expect(try store.count(CaseFilter(status: [])) == 0)
        #expect(try store.count(CaseFilter(limit: 1)) == 6)
    }

    @Test("summary counts by kind, status and department")
    func summary() throws {
        let store = try CaseStore.temporary()
        _ = try store.create(Fixture.record(kind: .complaint, department: "劳动监察"), openEvent: Fixture.openEvent(),
                             numberPrefix: "WC")
        _ = try store.create(Fixture.record(kind: .complaint, status: .triaged), openEvent: Fixture.openEvent(),
                             numberPrefix: "WC")
        _ = try store.create(Fixture.record(kind: .consultation, department: "劳动监察"),
                             openEvent: Fixture.openEvent(), numberPrefix: "WC")
        let summary = try store.summary()
        #expect(summary == StoreSummary(total: 3, byKind: ["complaint": 2, "consultation": 1],
                                        byStatus: ["received": 2, "triaged": 1],
                                        byDepartment: ["劳动监察": 2, "": 1]))
    }

    @Test("forEachCase streams every case in id order, merged ones included")
    func forEachCase() throws {
        let store = try CaseStore.temporary()
        let (a, b) = try twoCases(store)
        _ = try store.merge(sourceId: b.id, into: a.id, expectedSourceVersion: 1, actor: "s", at: Fixture.t0,
                            reason: nil)
        var seen: [Int64] = []
        try store.forEachCase { seen.append($0.id) }
        #expect(seen == [a.id, b.id])
    }
}
