import CaseCore
import Foundation
import Testing
@testable import LegalReferral

/// One scenario per route: facts that must fire it, and nearby facts that must not.
struct RouteScenario: Sendable, CustomTestStringConvertible {
    let route: String
    let fires: LegalCase
    let quiet: LegalCase
    var testDescription: String { route }
}

let routeScenarios: [RouteScenario] = [
    RouteScenario(route: "legal.deposit_or_id_withheld",
                  fires: LegalCase(kind: "complaint", tags: ["押金"]),
                  quiet: LegalCase(kind: "complaint", tags: ["欠薪"])),
    RouteScenario(route: "legal.id_card_police",
                  fires: LegalCase(kind: "complaint", findings: ["fake_job.id_withholding.keep_documents"]),
                  quiet: LegalCase(kind: "complaint", tags: ["押金"])),
    RouteScenario(route: "legal.wage_arrears_inspection",
                  fires: LegalCase(kind: "complaint", tags: ["拖欠工资"]),
                  quiet: LegalCase(kind: "complaint", tags: ["辞退"])),
    RouteScenario(route: "legal.wage_arrears_arbitration",
                  fires: LegalCase(kind: "laborDispute", tags: ["欠薪"]),
                  quiet: LegalCase(kind: "laborDispute", tags: ["就业歧视"])),
    RouteScenario(route: "legal.wage_evasion_police",
                  fires: LegalCase(kind: "complaint", tags: ["欠薪", "逃匿"]),
                  quiet: LegalCase(kind: "complaint", tags: ["逃匿"])),
    RouteScenario(route: "legal.no_written_contract",
                  fires: LegalCase(kind: "laborDispute", facts: CaseFacts(hasWrittenContract: false)),
                  quiet: LegalCase(kind: "laborDispute", facts: CaseFacts(hasWrittenContract: true))),
    RouteScenario(route: "legal.dismissal_or_injury_arbitration",
                  fires: LegalCase(kind: "laborDispute", tags: ["工伤"]),
                  quiet: LegalCase(kind: "laborDispute")),
    RouteScenario(route: "legal.legal_aid",
                  fires: LegalCase(kind: "consultation", facts: CaseFacts(hasWrittenContract: false)),
                  quiet: LegalCase(kind: "fraudReport", facts: CaseFacts(hasWrittenContract: false))),
    RouteScenario(route: "legal.black_intermediary",
                  fires: LegalCase(kind: "fraudReport", findings: ["black_intermediary.unlicensed"]),
                  quiet: LegalCase(kind: "fraudReport", findings: ["fake_job.brushing.order_brushing"])),
    RouteScenario(route: "legal.unlicensed_business",
                  fires: LegalCase(kind: "complaint", tags: ["无照经营"]),
                  quiet: LegalCase(kind: "complaint", tags: ["黑中介"])),
    RouteScenario(route: "legal.fraud_police",
                  fires: LegalCase(kind: "fraudReport", findings: ["fake_job.fee.upfront_demand"]),
                  quiet: LegalCase(kind: "complaint", findings: ["fake_job.fee.upfront_demand"])),
    RouteScenario(route: "legal.discrimination_court",
                  fires: LegalCase(kind: "complaint", tags: ["就业歧视"]),
                  quiet: LegalCase(kind: "complaint", tags: ["歧视言论"])),
    RouteScenario(route: "legal.payment_order_court",
                  fires: LegalCase(kind: "laborDispute", tags: ["欠薪", "调解协议"]),
                  quiet: LegalCase(kind: "laborDispute", tags: ["调解协议"])),
]

@Suite("Routes")
struct RouteTests {
    @Test("every shipped route has a scenario")
    func everyRouteCovered() throws {
        let ids = Set(try shippedData().routes.map(\.id))
        #expect(ids == Set(routeScenarios.map(\.route)))
    }

    @Test("a route fires on its facts", arguments: routeScenarios)
    func fires(_ scenario: RouteScenario) throws {
        let advice = advisor(try shippedData()).advise(scenario.fires, today: day("2026-06-01"))
        #expect(advice.routes.map(\.id).contains(scenario.route))
    }

    @Test("a route stays quiet without its facts", arguments: routeScenarios)
    func quiet(_ scenario: RouteScenario) throws {
        let advice = advisor(try shippedData()).advise(scenario.quiet, today: day("2026-06-01"))
        #expect(!advice.routes.map(\.id).contains(scenario.route))
    }

    @Test("wage arrears go to labour inspection, arbitration and legal aid, each with its clock")
    func wageArrearsRoutes() throws {
        let facts = CaseFacts(employmentEnd: day("2026-03-31"), amountClaimed: Fen(800_000), workerCategory: "migrantWorker")
        let advice = advisor(try shippedData()).advise(LegalCase(kind: "laborDispute", tags: ["欠薪"], facts: facts),
                                                        today: day("2026-06-01"))
        #expect(advice.routes.map(\.authority) == [.arbitration, .laborInspection, .legalAid])
        #expect(advice.routes[0].clocks.first?.lastDay == day("2027-03-31"))
        #expect(advice.routes[0].reason.zh.contains("8000.00"))
        #expect(advice.routes[0].reason.zh.contains("2026-03-31"))
    }

    @Test("the first route is the recommended first step for the case's kind", arguments: [
        (LegalCase(kind: "laborDispute", tags: ["欠薪"]), "legal.wage_arrears_arbitration"),
        (LegalCase(kind: "complaint", tags: ["欠薪"]), "legal.wage_arrears_inspection"),
        (LegalCase(kind: "complaint", tags: ["欠薪", "逃匿"]), "legal.wage_evasion_police"),
        (LegalCase(kind: "fraudReport", findings: ["fake_job.fee.upfront_demand"]), "legal.fraud_police"),
        (LegalCase(kind: "complaint", findings: ["fake_job.fee.upfront_demand"]), "legal.deposit_or_id_withheld"),
        (LegalCase(kind: "laborDispute", facts: CaseFacts(hasWrittenContract: false)), "legal.no_written_contract"),
    ])
    func firstRoute(legalCase: LegalCase, expected: String) throws {
        let advice = advisor(try shippedData()).advise(legalCase, today: day("2026-06-01"))
        #expect(advice.routes.first?.id == expected)
    }

    @Test("conditions on employment, category, amount and head count hold only on known facts")
    func conditionKeys() {
        let condition = RouteCondition(employed: false, workerCategories: ["deliveryRider"],
                                       amountAtLeast: Fen(500_000), workersAtLeast: 10)
        let full = CaseFacts(employmentEnd: day("2026-01-01"), amountClaimed: Fen(500_000), workersAffected: 10,
                             workerCategory: "deliveryRider")
        #expect(condition.holds(for: LegalCase(kind: "complaint", facts: full)))
        var fewer = full
        fewer.workersAffected = 9
        #expect(!condition.holds(for: LegalCase(kind: "complaint", facts: fewer)))
        var less = full
        less.amountClaimed = Fen(499_999)
        #expect(!condition.holds(for: LegalCase(kind: "complaint", facts: less)))
        var employed = full
        employed.employmentEnd = nil
        #expect(!condition.holds(for: LegalCase(kind: "complaint", facts: employed)))
        var unknown = full
        unknown.workerCategory = nil
        #expect(!condition.holds(for: LegalCase(kind: "complaint", facts: unknown)))
    }
}

@Suite("Documentation")
struct DocumentationTests {
    @Test("docs/legal-referral.md names every route (out of date: add the route to its table)")
    func docsListEveryRoute() throws {
        let docs = legalRulesDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/legal-referral.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for route in try shippedData().routes {
            #expect(text.contains("`\(route.id)`"), "docs/legal-referral.md does not mention \(route.id)")
        }
    }
}
