import CaseCore
import CaseEngine
import CaseStore
import Foundation
import Testing

@Suite("Case service")
struct CaseServiceTests {
    @Test("opening a case numbers it, normalises the phone and computes its due time across the Spring Festival")
    func openComputesDeadline() throws {
        // Given a complaint logged on Tuesday 2026-02-10 (normal priority: 15 working days in rules/sla.yaml)
        let clock = TestClock("2026-02-10 10:00")
        let service = try Fixture.service(clock: clock)
        // When
        let view = try service.open(Fixture.intake(), actor: "op1")
        // Then: 02-11, 02-12, 02-13, 02-14 (make-up Saturday) = 4; 02-15…02-23 off; 02-24…02-27 = 8; 02-28 (make-up) = 9;
        // 03-02…03-06 = 14; 03-09 = 15
        #expect(view.record.number == "WC-2026-000001")
        #expect(view.record.status == .received)
        #expect(view.record.version == 1)
        #expect(view.record.respondents.first?.phone == "13987654321")
        #expect(view.deadline.dueDay == CalendarDay("2026-03-09"))
        #expect(view.overdue == false)
    }

    @Test("bad intake is refused with the field named and nothing stored",
          arguments: [
            (#"{"kind":"complaint","narrative":"   "}"#, "narrative"),
            (#"{"kind":"complaint","narrative":"x","complainant":{"name":"张三","phone":"12345"}}"#, "complainant.phone"),
            (#"{"kind":"complaint","narrative":"x","complainant":{"name":"张三","idNumber":"110105199001011235"}}"#, "complainant.idNumber"),
            (#"{"kind":"complaint","narative":"x"}"#, "narative"),
            (#"{"kind":"nonsense","narrative":"x"}"#, "kind"),
            (#"{"kind":"complaint","narrative":"x""#, "stdin"),
            (#"[1,2]"#, "stdin"),
          ])
    func badIntake(json: String, place: String) throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        #expect {
            let intake = try CaseIntake.parse(json: Data(json.utf8))
            _ = try service.open(intake, actor: "op1")
        } throws: { error in
            guard let e = error as? EngineError, case let .invalidInput(p, message) = e else { return false }
            return (p == place || message.contains(place)) && e.exitCode == 2
        }
        #expect(try service.store.count(CaseFilter()) == 0)
    }

    @Test("invalid UTF-8 on stdin is refused, not crashed on")
    func invalidUTF8() {
        #expect(throws: EngineError.self) { try CaseIntake.parse(json: Data([0x7B, 0xFF, 0xFE, 0x7D])) }
    }

    @Test("an illegal transition is refused and changes nothing")
    func illegalTransition() throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        let opened = try service.open(Fixture.intake(), actor: "op1")
        #expect(throws: EngineError.workflow(.illegalTransition(event: .close, from: .received,
                                                                allowed: [.triage, .refer, .reject, .withdraw]))) {
            try service.transition(opened.record.number, TransitionRequest(.close), actor: "op1")
        }
        let after = try service.show(opened.record.number, actor: "op1")
        #expect(after.record.version == 1)
        #expect(after.record.status == .received)
        #expect(after.events?.count == 1)
    }

    @Test("a stale version is a conflict: the second of two operators cannot overwrite the first")
    func lostUpdateIsRefused() throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        let id = try service.open(Fixture.intake(), actor: "op1").record.number
        // Both operators read version 1.
        let seenByA = try service.record(id).version
        let seenByB = try service.record(id).version
        _ = try service.transition(id, TransitionRequest(.triage), expectedVersion: seenByA, actor: "A")
        #expect(throws: EngineError.conflict(caseId: 1, expected: 1, current: 2)) {
            try service.transition(id, TransitionRequest(.reject, reason: "重复"), expectedVersion: seenByB, actor: "B")
        }
        let after = try service.show(id, actor: "op1")
        #expect(after.record.status == .triaged)
        #expect(after.record.version == 2)
        #expect(after.events?.map(\.name) == [.open, .triage])
    }

    @Test("the workflow runs end to end; provideInfo returns to the status before the pause")
    func workflowEndToEnd() throws {
        let clock = TestClock("2026-03-02 09:00")
        let service = try Fixture.service(clock: clock)
        let id = try service.open(Fixture.intake(), actor: "op1").record.number
        _ = try service.transition(id, TransitionRequest(.triage), actor: "op1")
        let assigned = try service.transition(id, TransitionRequest(.assign, assignee: "李四", department: "监察大队"),
                                              actor: "op1")
        #expect(assigned.record.assignee == "李四")
        #expect(assigned.record.department == "监察大队")
        _ = try service.transition(id, TransitionRequest(.start), actor: "李四")
        let paused = try service.transition(id, TransitionRequest(.requestInfo), actor: "李四")
        #expect(paused.deadline.state == .paused)
        clock.set("2026-03-09 09:00")
        let resumed = try service.transition(id, TransitionRequest(.provideInfo), actor: "李四")
        #expect(resumed.record.status == .inProgress)
        #expect(resumed.deadline.state == .running)
        let resolved = try service.transition(id, TransitionRequest(.resolve), actor: "李四")
        #expect(resolved.deadline.state == .stopped)
        let closed = try service.transition(id, TransitionRequest(.close), actor: "op1")
        #expect(closed.record.status == .closed)
        #expect(throws: EngineError.workflow(.reasonRequired(.reopen))) {
            try service.transition(id, TransitionRequest(.reopen), actor: "op1")
        }
        let reopened = try service.transition(id, TransitionRequest(.reopen, reason: "回访不满意"), actor: "op1")
        #expect(reopened.record.status == .reopened)
        #expect(reopened.deadline.state == .running)
        let log = try service.show(id, actor: "op1").events ?? []
        #expect(log.map(\.name) == [.open, .triage, .assign, .start, .requestInfo, .provideInfo, .resolve, .close, .reopen])
        #expect(log.last?.reason == "回访不满意")
    }

    @Test("a case becomes overdue the second after its due time")
    func overdue() throws {
        let clock = TestClock("2026-03-02 09:00")
        let service = try Fixture.service(clock: clock)
        let opened = try service.open(Fixture.intake(kind: .consultation), actor: "op1")
        let due = try #require(opened.deadline.dueAt)
        clock.set(Output.format(due))
        #expect(try service.list(CaseFilter(), overdueOnly: true).isEmpty)
        clock.set(Output.format(due.addingTimeInterval(60)))
        #expect(try service.list(CaseFilter(), overdueOnly: true).map(\.record.id) == [opened.record.id])
        #expect(try service.summary().overdue == 1)
    }

    @Test("lists mask personal data; a full read is an audit event")
    func maskingAndAudit() throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        let id = try service.open(Fixture.intake(), actor: "op1").record.number
        let listed = try #require(try service.list(CaseFilter()).first)
        #expect(listed.masked)
        #expect(listed.record.complainant?.phone == "138****5678")
        let masked = try service.show(id, actor: "op1")
        #expect(masked.record.complainant?.name == "张*")
        let full = try service.show(id, unmasked: true, actor: "supervisor")
        #expect(full.record.complainant?.phone == "13812345678")
        #expect(full.events?.last?.name == .viewPersonalData)
        #expect(full.events?.last?.actor == "supervisor")
    }

    @Test("search finds 1-, 2- and 4-character Chinese queries through the engine",
          arguments: ["金", "押金", "交了500元押金", "刷单"])
    func search(query: String) throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        _ = try service.open(Fixture.intake("在某中介交了500元押金，对方还让我刷单"), actor: "op1")
        _ = try service.open(Fixture.intake("公司拖欠三个月工资", kind: .laborDispute), actor: "op1")
        let hits = try service.search(query)
        #expect(hits.count == 1)
        #expect(hits.first?.record.narrative.contains(query) == true)
    }

    @Test("merge redirects the duplicate's number to the surviving case")
    func mergeRedirects() throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        let a = try service.open(Fixture.intake(), actor: "op1").record
        let b = try service.open(Fixture.intake("同一人再次来电反映押金不退"), actor: "op1").record
        _ = try service.merge(b.number, into: a.number, reason: "重复来电", actor: "op1")
        #expect(try service.record(b.number).id == a.id)
        #expect(try service.list(CaseFilter()).map(\.record.id) == [a.id])
        #expect(throws: EngineError.self) { try service.merge(a.number, into: a.number, reason: nil, actor: "op1") }
    }

    @Test("extending a deadline needs a reason and moves the due day by working days")
    func extend() throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        let opened = try service.open(Fixture.intake(), actor: "op1")
        #expect(throws: EngineError.self) {
            try service.extendDeadline(opened.record.number, days: 5, reason: " ", actor: "op1")
        }
        let extended = try service.extendDeadline(opened.record.number, days: 5, reason: "需调取记录", actor: "op1")
        let before = try #require(opened.deadline.dueDay)
        let after = try #require(extended.deadline.dueDay)
        #expect(service.settings.calendar.workingDays(after: before, through: after) == 5)
    }

    @Test("export quotes CSV fields and defuses spreadsheet formulas")
    func exportCSV() throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        _ = try service.open(Fixture.intake("=HYPERLINK(\"x\"),含逗号"), actor: "op1")
        var lines: [String] = []
        try service.export(format: .csv) { lines.append($0) }
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("id,number,kind"))
        #expect(lines[1].contains("\"'=HYPERLINK(\"\"x\"\"),含逗号\""))
        #expect(!lines[1].contains("13812345678"))
    }

    @Test("an unmasked export records a personal-data read on every case it exports; a masked one records none")
    func unmaskedExportIsAudited() throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        let first = try service.open(Fixture.intake(), actor: "op1").record
        let second = try service.open(Fixture.intake("工资拖欠三个月"), actor: "op1").record
        func reads(_ id: Int64) throws -> [CaseEvent] {
            try service.store.events(caseId: id).filter { $0.name == .viewPersonalData }
        }
        var masked: [String] = []
        try service.export(format: .jsonl) { masked.append($0) }
        #expect(masked.count == 2)
        #expect(!masked.joined().contains("13812345678"))
        #expect(try reads(first.id).isEmpty && reads(second.id).isEmpty)
        var full: [String] = []
        try service.export(format: .jsonl, unmaskedFor: "supervisor") { full.append($0) }
        #expect(full.count == 2)
        #expect(full.allSatisfy { $0.contains("13812345678") })
        for id in [first.id, second.id] {
            let audited = try reads(id)
            #expect(audited.count == 1)
            #expect(audited.first?.actor == "supervisor")
        }
    }
}

enum Output {
    static func format(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}
