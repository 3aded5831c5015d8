import CaseCore
import CaseEngine
import CaseStore
import Foundation
import LegalReferral
import Testing

/// A fixed clock for the desk tests (China time, noon of the given day).
private func service(today: String) throws -> CaseService {
    let rules = legalRulesDirectory.deletingLastPathComponent().path
    let settings = try CaseEngineSettings.load(rulesDirectory: rules)
    let instant = day(today).start.addingTimeInterval(12 * 3600)
    return CaseService(store: try CaseStore.temporary(), settings: settings, now: { instant })
}

private func wageIntake(narrative: String = "欠薪三个月") -> CaseIntake {
    CaseIntake(kind: .laborDispute, narrative: narrative,
               complainant: Party(role: .complainant, name: "张三", phone: "13812345678"),
               respondents: [Party(role: .respondent, type: .employer, name: "某某劳务公司")],
               tags: ["欠薪"],
               facts: CaseFacts(employmentEnd: day("2025-10-03"), amountClaimed: Fen(1_000_000),
                                workerCategory: "migrantWorker"))
}

@Suite("LegalDesk (engine)")
struct LegalDeskTests {
    @Test("routes for a stored case use its facts and the 2026 calendar")
    func routes() throws {
        let service = try service(today: "2026-09-20")
        let desk = try LegalDesk(service: service, rulesDirectory: legalRulesDirectory.deletingLastPathComponent().path)
        let opened = try service.open(wageIntake(), actor: "op")
        let report = try desk.routes(opened.record.number)
        let arbitration = try #require(report.advice.routes.first { $0.id == "legal.wage_arrears_arbitration" })
        let clock = try #require(arbitration.clocks.first)
        #expect(clock.lastDay == day("2026-10-03"))
        #expect(clock.nextWorkingDay == day("2026-10-08"))
        #expect(report.advice.raisePriority)
    }

    @Test("JSON output carries verified: false for unverified provisions and the note")
    func json() throws {
        let service = try service(today: "2026-06-01")
        let desk = try LegalDesk(service: service, rulesDirectory: legalRulesDirectory.deletingLastPathComponent().path)
        let opened = try service.open(wageIntake(), actor: "op")
        let data = try JSONOutput.encoder(pretty: false).encode(try desk.routes(opened.record.number))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"id\":\"lsi_26\"") && text.contains("\"verified\":false"))
        #expect(text.contains("unverifiedNote"))
    }

    @Test("the queue lists only referred cases whose last refer went to the legal desk or legal aid, oldest first")
    func queue() throws {
        let service = try service(today: "2026-06-01")
        let desk = try LegalDesk(service: service, rulesDirectory: legalRulesDirectory.deletingLastPathComponent().path)
        let first = try service.open(wageIntake(), actor: "op").record.number
        let second = try service.open(wageIntake(), actor: "op").record.number
        let police = try service.open(wageIntake(), actor: "op").record.number
        _ = try service.open(wageIntake(), actor: "op") // never referred
        for (number, authority) in [(first, "legalAid"), (second, "legalDesk"), (police, "police")] {
            _ = try service.transition(number, TransitionRequest(.refer, authority: authority, basis: "x"), actor: "op")
        }
        let queue = try desk.queue()
        #expect(queue.map(\.number) == [first, second])
        #expect(queue.first?.authority == "legalAid")
    }

    @Test("advise and outcome append events to a referred case; then it resolves")
    func adviseOutcome() throws {
        let service = try service(today: "2026-06-01")
        let desk = try LegalDesk(service: service, rulesDirectory: legalRulesDirectory.deletingLastPathComponent().path)
        let number = try service.open(wageIntake(), actor: "op").record.number
        #expect(throws: EngineError.self) { _ = try desk.advise(number, text: "建议申请仲裁", actor: "lawyer") }
        _ = try service.transition(number, TransitionRequest(.refer, authority: "legalDesk", basis: "x"), actor: "op")
        _ = try desk.advise(number, text: "建议申请仲裁", actor: "lawyer")
        let view = try desk.outcome(number, text: "仲裁委已受理", actor: "lawyer")
        #expect(view.events?.suffix(2).map(\.name) == [.advise, .outcome])
        #expect(throws: EngineError.self) { _ = try desk.outcome(number, text: "  ", actor: "lawyer") }
        let resolved = try service.transition(number, TransitionRequest(.resolve), actor: "lawyer")
        #expect(resolved.record.status == .resolved)
    }

    @Test("a near deadline raises the priority once, with an update event")
    func raisePriority() throws {
        let service = try service(today: "2026-09-20")
        let desk = try LegalDesk(service: service, rulesDirectory: legalRulesDirectory.deletingLastPathComponent().path)
        let number = try service.open(wageIntake(), actor: "op").record.number
        #expect(try desk.raisePriorityIfNeeded(number, actor: "clerk"))
        #expect(try service.record(number).priority == .urgent)
        #expect(try !desk.raisePriorityIfNeeded(number, actor: "clerk"))
    }

    @Test("the HTML sheet escapes text and masks personal data unless full")
    func sheet() throws {
        let service = try service(today: "2026-06-01")
        let desk = try LegalDesk(service: service, rulesDirectory: legalRulesDirectory.deletingLastPathComponent().path)
        let number = try service.open(wageIntake(narrative: "老板说<b>明天</b>付&走人"), actor: "op").record.number
        _ = try service.transition(number, TransitionRequest(.refer, authority: "legalAid", basis: "x"), actor: "op")
        _ = try desk.advise(number, text: "<script>alert(1)</script>", actor: "lawyer")
        let masked = try desk.sheet(number, full: false, actor: "clerk").html(.zh)
        #expect(!masked.contains("13812345678"))
        #expect(!masked.contains("明天"))
        #expect(masked.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!masked.contains("<script>"))
        #expect(masked.contains("未核实"))
        let full = try desk.sheet(number, full: true, actor: "clerk")
        let html = full.html(.zh)
        #expect(html.contains("13812345678"))
        #expect(html.contains("老板说&lt;b&gt;明天&lt;/b&gt;付&amp;走人"))
        #expect(try service.show(number, actor: "x").events?.contains { $0.name == .viewPersonalData } == true)
        let text = full.text(.en)
        #expect(text.contains("(unverified)"))
    }
}
