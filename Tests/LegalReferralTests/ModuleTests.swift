import CaseCore
import Foundation
import RuleKit
import RuleKitTesting
import Testing
@testable import LegalReferral

@Suite("LegalReferralModule")
struct ModuleTests {
    func module() throws -> LegalReferralModule {
        try LegalReferralModule(directory: legalRulesDirectory, calendar: calendar2026)
    }

    @Test("every rule's examples hold")
    func examples() throws {
        let failures = RuleExampleVerifier.verify(try module())
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("every route carries trigger and ignore examples")
    func routesHaveExamples() throws {
        for route in try shippedData().routes {
            #expect(!route.examplesTrigger.isEmpty && !route.examplesIgnore.isEmpty, "\(route.id)")
        }
    }

    @Test("a case record becomes a subject the module reads back unchanged")
    func subjectRoundTrip() {
        let facts = CaseFacts(employmentStart: day("2025-01-02"), employmentEnd: day("2026-03-31"),
                              learnedOfInfringement: day("2026-04-15"), amountClaimed: Fen(1_234_56),
                              workersAffected: 3, hasWrittenContract: false, workerCategory: "migrantWorker")
        let record = CaseRecord(id: 7, number: "WC-2026-000007", kind: .laborDispute, channel: .hotline,
                                narrative: "x", tags: ["欠薪", "逃匿"], facts: facts, createdAt: Date(timeIntervalSince1970: 0))
        let subject = LegalSubject.make(record: record, findings: ["fake_job.fee.agency_fee"], today: day("2026-06-01"))
        #expect(subject.text(of: "fact.amountClaimed") == "123456")
        #expect(subject.text(of: "fact.tags") == "欠薪,逃匿")
        let read = LegalSubject.read(subject)
        #expect(read.legalCase.facts == facts)
        #expect(read.legalCase.tags == ["欠薪", "逃匿"])
        #expect(read.legalCase.findings == ["fake_job.fee.agency_fee"])
        #expect(read.legalCase.kind == "laborDispute")
        #expect(read.today == day("2026-06-01"))
    }

    @Test("a wage case gives refer actions with authority, marked basis and days left")
    func referActions() throws {
        let subject = Subject(kind: .caseIntake, id: "t", fields: [
            SubjectField(name: "fact.kind", text: "laborDispute"), SubjectField(name: "fact.tags", text: "欠薪"),
            SubjectField(name: "fact.employmentEnd", text: "2025-06-20"), SubjectField(name: "fact.today", text: "2026-06-01"),
        ])
        let findings = try module().evaluate(subject, context: EmptyContext())
        let arbitration = try #require(findings.first { $0.rule == "legal.wage_arrears_arbitration" })
        #expect(arbitration.actions == [.refer(authority: "arbitration", basis: "劳动合同法 第三十条（未核实）；劳动争议调解仲裁法 第二十七条；劳动争议调解仲裁法 第四十七条、第四十八条",
                                               deadlineDays: 19)])
        #expect(arbitration.severity == .medium) // 19 days: warning level
        let inspection = try #require(findings.first { $0.rule == "legal.wage_arrears_inspection" })
        guard case .refer(_, let basis, _) = inspection.actions.first else { Issue.record("no refer"); return }
        #expect(basis.contains("劳动保障监察条例（2004） 第二十六条（未核实）"))
        let deadline = try #require(findings.first { $0.rule == LegalReferralModule.deadlineRule })
        #expect(deadline.message.zh.contains("加急"))
        #expect(findings.allSatisfy { $0.score == 0 })
    }

    @Test("a subject with no facts gives no findings and does not throw")
    func emptySubject() throws {
        let subject = Subject(kind: .caseUpdate, id: "t", fields: [SubjectField(name: "narrative", text: "咨询")])
        #expect(try module().evaluate(subject, context: EmptyContext()).isEmpty)
    }

    @Test("malformed fact values are treated as unknown")
    func malformed() {
        let subject = Subject(kind: .caseUpdate, id: "t", fields: [
            SubjectField(name: "fact.employmentEnd", text: "2026-02-30"),
            SubjectField(name: "fact.amountClaimed", text: "12.5"),
            SubjectField(name: "fact.hasWrittenContract", text: "maybe"),
        ])
        let read = LegalSubject.read(subject)
        #expect(read.legalCase.facts == CaseFacts())
    }
}
