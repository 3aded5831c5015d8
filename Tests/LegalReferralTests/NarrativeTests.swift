import CaseCore
import Testing
@testable import LegalReferral

@Suite("Narrative phrases")
struct NarrativeTests {
    func routeIds(_ narrative: String, kind: String = "complaint", category: String? = nil) throws -> [String] {
        let legalCase = LegalCase(kind: kind, facts: CaseFacts(workerCategory: category), narrative: narrative)
        return advisor(try shippedData()).advise(legalCase, today: day("2026-06-01")).routes.map(\.id)
    }

    @Test("an untagged wage-arrears narrative goes to inspection, arbitration and legal aid")
    func wageNarrative() throws {
        let ids = try routeIds("在工地干了三个月，老板一直拖欠工资，现在找不到人", kind: "laborDispute")
        #expect(ids.contains("legal.wage_arrears_inspection"))
        #expect(ids.contains("legal.wage_arrears_arbitration"))
        #expect(ids.contains("legal.legal_aid"))
    }

    @Test("a phrase negated just before it does not count", arguments: [
        ("公司说不收押金，但是一直拖欠工资", false),
        ("中介收了500元押金，工作没安排", true),
        ("没有押金，也没有其他费用", false),
        ("说好的工作没有安排，押金也不退", true),
    ])
    func negation(narrative: String, fires: Bool) throws {
        #expect(try routeIds(narrative).contains("legal.deposit_or_id_withheld") == fires)
    }

    @Test("evasion words only reach the police together with wage arrears")
    func evasion() throws {
        #expect(try routeIds("老板拖欠工资后跑路失联").contains("legal.wage_evasion_police"))
        #expect(try !routeIds("老板跑路了，联系不上").contains("legal.wage_evasion_police"))
    }

    @Test("a migrant worker named in the narrative claiming wages is exempt from the hardship check")
    func migrantFromNarrative() throws {
        let data = try shippedData()
        let legalCase = LegalCase(kind: "laborDispute", narrative: "我是农民工，包工头拖欠工资两个月")
        #expect(advisor(data).isHardshipExempt(legalCase))
        let other = LegalCase(kind: "laborDispute", narrative: "我是外卖骑手，平台拖欠工资两个月")
        #expect(!advisor(data).isHardshipExempt(other))
    }

    @Test("matcher: a stop mark ends the look-back; an empty phrase never matches")
    func matcher() {
        #expect(NarrativeMatcher.contains("押金", in: "不是这样的。押金500元"))
        #expect(!NarrativeMatcher.contains("押金", in: "免押金"))
        #expect(!NarrativeMatcher.contains("", in: "押金"))
        #expect(NarrativeMatcher.contains("押金", in: "免押金是假的，交了押金"))
    }
}

@Suite("Narrative phrases with gaps")
struct NarrativeGapTests {
    @Test("a … in a phrase spans a few characters within one clause",
          arguments: [
            ("拖欠…工资", "工地老板拖欠三个月工资共12000元", true),
            ("拖欠…工资", "老板拖欠了我们工资", true),
            ("拖欠…工资", "老板拖欠房租，工资照发", false),          // the gap may not cross a clause
            ("拖欠…工资", "拖欠房东的押金和水电费等等杂费以及工资", false), // more than the gap allows
            ("拖欠…工资", "公司从不拖欠员工工资", false),             // negated before the phrase
            ("工资…没…发", "三月份的工资一直没有发", true),
          ])
    func gaps(phrase: String, text: String, expected: Bool) {
        #expect(NarrativeMatcher.contains(phrase, in: text) == expected)
    }

    @Test("wage arrears written with a gap lead to the wage routes and the migrant worker's exemption")
    func wageRoutesFromNarrative() throws {
        let advice = advisor(try shippedData()).advise(
            LegalCase(kind: "laborDispute", facts: CaseFacts(employmentEnd: day("2026-01-15"), workerCategory: "migrantWorker"),
                      narrative: "工地老板拖欠三个月工资共12000元，一直不给"),
            today: day("2026-03-01"))
        let ids = advice.routes.map(\.id)
        #expect(ids.contains("legal.wage_arrears_arbitration"))
        #expect(ids.contains("legal.legal_aid"))
    }
}
