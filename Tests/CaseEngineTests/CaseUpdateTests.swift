import CaseCore
import CaseEngine
import CaseStore
import Foundation
import Testing

@Suite("case update: priority, tags and facts, with a reason in the audit log")
struct CaseUpdateTests {
    @Test("setting and clearing facts records one update event naming the changed fields")
    func setAndClearFacts() throws {
        let clock = TestClock("2026-03-02 09:00")
        let service = try Fixture.service(clock: clock)
        var intake = Fixture.intake()
        intake.facts = CaseFacts(amountClaimed: Fen(350_000), workersAffected: 3)
        let opened = try service.open(intake, actor: "op1")
        clock.set("2026-03-03 10:00")
        let change = try CaseUpdate.parse(json: Data(#"""
            {"priority":"urgent","facts":{"employmentEnd":"2026-02-20","amountClaimed":null,"workersAffected":3}}
            """#.utf8))

        let view = try service.update(opened.record.number, with: change, reason: "来电补充离职日期",
                                      expectedVersion: 1, actor: "op2")

        #expect(view.record.version == 2)
        #expect(view.record.priority == .urgent)
        #expect(view.record.facts.employmentEnd == CalendarDay("2026-02-20"))
        #expect(view.record.facts.amountClaimed == nil)
        #expect(view.record.facts.workersAffected == 3)
        let events = try service.store.events(caseId: opened.record.id)
        let update = try #require(events.last)
        #expect(update.name == .update)
        #expect(update.actor == "op2")
        #expect(update.reason == "来电补充离职日期")
        #expect(update.detail.fields == ["priority", "facts.employmentEnd", "facts.amountClaimed"])
    }

    @Test("an update that changes nothing records nothing and keeps the version")
    func noChange() throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        let opened = try service.open(Fixture.intake(), actor: "op1")
        let view = try service.update("1", with: CaseUpdate(priority: .normal), reason: "核对", actor: "op1")
        #expect(view.record.version == opened.record.version)
        #expect(try service.store.events(caseId: opened.record.id).count == 1)
    }

    @Test("a stale version is a conflict and nothing is written")
    func staleVersion() throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        _ = try service.open(Fixture.intake(), actor: "op1")
        _ = try service.update("1", with: CaseUpdate(tags: ["欠薪"]), reason: "分类", actor: "op1")
        #expect(throws: EngineError.conflict(caseId: 1, expected: 1, current: 2)) {
            try service.update("1", with: CaseUpdate(priority: .urgent), reason: "升级", expectedVersion: 1, actor: "op2")
        }
        #expect(try service.store.get(id: 1)?.priority == .normal)
    }

    @Test("bad updates are refused with the place named",
          arguments: [
            (#"{"facts":{"employmentEnd":"2026-13-01"}}"#, "facts.employmentEnd"),
            (#"{"facts":{"salary":1}}"#, "facts.salary"),
            (#"{"narrative":"改写"}"#, "narrative"),
            (#"{"priority":"asap"}"#, "priority"),
            (#"{"tags":"欠薪"}"#, "tags"),
            (#"{"facts":{"workersAffected":0}}"#, "facts.workersAffected"),
            (#"{"facts":{"employmentStart":"2026-03-01","employmentEnd":"2026-02-01"}}"#, "facts.employmentEnd"),
            (#"{"priority":"high""#, "stdin"),
          ])
    func badUpdate(json: String, place: String) throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        _ = try service.open(Fixture.intake(), actor: "op1")
        #expect {
            let change = try CaseUpdate.parse(json: Data(json.utf8))
            _ = try service.update("1", with: change, reason: "更正", actor: "op1")
        } throws: { error in
            guard let e = error as? EngineError, case let .invalidInput(p, _) = e else { return false }
            return p == place
        }
        #expect(try service.store.get(id: 1)?.version == 1)
    }

    @Test("a reason is required")
    func reasonRequired() throws {
        let service = try Fixture.service(clock: TestClock("2026-03-02 09:00"))
        _ = try service.open(Fixture.intake(), actor: "op1")
        #expect(throws: EngineError.invalidInput(place: "reason", message: "修改必须填写原因 / a reason is required")) {
            try service.update("1", with: CaseUpdate(priority: .urgent), reason: "  ", actor: "op1")
        }
    }
}
