import CaseCore
import Testing
import RuleKit
@testable import LegalReferral

@Suite("Eligibility, final award and warnings")
struct EligibilityTests {
    func wageCase(amount: Fen? = nil, category: String? = nil, end: String? = "2026-03-31") -> LegalCase {
        LegalCase(kind: "laborDispute", tags: ["欠薪"],
                  facts: CaseFacts(employmentEnd: end.map(day), amountClaimed: amount, workerCategory: category))
    }

    @Test("final award at exactly 12 × the minimum wage, and not one fen more")
    func finalAwardThreshold() throws {
        let data = try shippedData()
        let threshold = data.site.minimumMonthlyWage.value * 12
        let at = advisor(data).advise(wageCase(amount: Fen(threshold)), today: day("2026-06-01"))
        #expect(at.finalAward?.eligible == true)
        #expect(at.routes.first { $0.authority == .arbitration }?.notes.contains { $0.zh.contains("一裁终局") } == true)
        let over = advisor(data).advise(wageCase(amount: Fen(threshold + 1)), today: day("2026-06-01"))
        #expect(over.finalAward?.eligible == false)
        let unknown = advisor(data).advise(wageCase(), today: day("2026-06-01"))
        #expect(unknown.finalAward?.eligible == nil)
    }

    @Test("the threshold follows the site's minimum wage")
    func siteWage() throws {
        var data = try shippedData()
        data.site.minimumMonthlyWage = Fen(200_000)
        #expect(data.site.finalAwardThreshold == Fen(2_400_000))
        let advice = advisor(data).advise(wageCase(amount: Fen(2_400_001)), today: day("2026-06-01"))
        #expect(advice.finalAward?.eligible == false)
    }

    @Test("the final-award note says so while the site's minimum wage is unverified, and not once it is verified")
    func unverifiedWage() throws {
        var data = try shippedData()
        func arbitrationNote(_ data: LegalData) throws -> LocalizedText {
            let advice = advisor(data).advise(wageCase(amount: Fen(100_000)), today: day("2026-06-01"))
            let route = try #require(advice.routes.first { $0.authority == .arbitration })
            return try #require(route.notes.first { $0.zh.contains("一裁终局") })
        }
        let shipped = try arbitrationNote(data)
        #expect(shipped.zh.contains("尚未核实") && shipped.en.contains("not marked verified"))
        #expect(advisor(data).advise(wageCase(), today: day("2026-06-01")).finalAward?.wageVerified == false)
        data.site.minimumWageVerified = true
        let checked = try arbitrationNote(data)
        #expect(!checked.zh.contains("尚未核实") && !checked.en.contains("not marked verified"))
        #expect(advisor(data).advise(wageCase(), today: day("2026-06-01")).finalAward?.wageVerified == true)
    }

    @Test("no final-award check without an arbitration route")
    func noArbitration() throws {
        let advice = advisor(try shippedData()).advise(LegalCase(kind: "complaint", tags: ["押金"],
                                                                 facts: CaseFacts(amountClaimed: Fen(100))),
                                                       today: day("2026-06-01"))
        #expect(advice.finalAward == nil)
    }

    @Test("a migrant worker claiming wages is exempt from the hardship check; others are not")
    func migrantExemption() throws {
        let data = try shippedData()
        let migrant = advisor(data).advise(wageCase(category: "migrantWorker"), today: day("2026-06-01"))
        let aid = try #require(migrant.routes.first { $0.authority == .legalAid })
        #expect(aid.notes.contains { $0.zh.contains("免予核查") })
        #expect(advisor(data).isHardshipExempt(wageCase(category: "migrantWorker")))
        #expect(!advisor(data).isHardshipExempt(wageCase(category: "deliveryRider")))
        let noContract = LegalCase(kind: "laborDispute", facts: CaseFacts(hasWrittenContract: false,
                                                                          workerCategory: "migrantWorker"))
        #expect(!advisor(data).isHardshipExempt(noContract))
        let rider = advisor(data).advise(wageCase(category: "deliveryRider"), today: day("2026-06-01"))
        #expect(rider.routes.first { $0.authority == .legalAid }?.notes.contains { $0.zh.contains("经济困难状况") } == true)
    }

    @Test("a limitation 30 days away warns and suggests raising the priority; 31 days does not")
    func warningThreshold() throws {
        let data = try shippedData()
        let warned = advisor(data).advise(wageCase(end: "2025-07-01"), today: day("2026-06-01"))
        #expect(warned.raisePriority)
        #expect(warned.warnings.contains { $0.zh.contains("30天") })
        let calm = advisor(data).advise(wageCase(end: "2025-07-02"), today: day("2026-06-01"))
        #expect(!calm.raisePriority)
    }

    @Test("legal aid is to be provided first when the limitation expires in under 7 days")
    func provideFirst() throws {
        let data = try shippedData()
        let six = advisor(data).advise(wageCase(end: "2025-06-07"), today: day("2026-06-01"))
        #expect(six.routes.first { $0.authority == .legalAid }?.notes.contains { $0.zh.contains("先行提供") } == true)
        let seven = advisor(data).advise(wageCase(end: "2025-06-08"), today: day("2026-06-01"))
        #expect(seven.routes.first { $0.authority == .legalAid }?.notes.contains { $0.zh.contains("先行提供") } == false)
        let passed = advisor(data).advise(wageCase(end: "2025-05-31"), today: day("2026-06-01"))
        #expect(passed.routes.first { $0.authority == .legalAid }?.notes.contains { $0.zh.contains("先行提供") } == false)
    }

    @Test("unverified provisions are marked in citations and the basis line")
    func unverifiedMarked() throws {
        let data = try shippedData()
        let lcl30 = try #require(data.provision("lcl_30"))
        #expect(!lcl30.verified)
        #expect(lcl30.citation.hasSuffix("（未核实）"))
        #expect(try #require(data.provision("lcl_9")).citation == "劳动合同法 第九条")
        let advice = advisor(data).advise(LegalCase(kind: "complaint", tags: ["押金"]), today: day("2026-06-01"))
        let route = try #require(advice.routes.first { $0.id == "legal.deposit_or_id_withheld" })
        #expect(route.hasUnverified)
        #expect(route.basis.contains("就业促进法 第四十一条（未核实）"))
        #expect(route.basis.contains("劳动合同法 第九条；"))
    }
}
