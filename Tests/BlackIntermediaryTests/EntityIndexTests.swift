import CaseCore
import CaseEngine
import CaseStore
import EntityKit
import Foundation
import Testing

/// A clock the tests move by hand. `@unchecked Sendable` is safe: the lock guards the only mutable value.
final class Clock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ date: Date) { value = date }
    var now: Date { lock.withLock { value } }
    func set(_ date: Date) { lock.withLock { value = date } }
}

@Suite("Entity index, watchlist and intake checks")
struct EntityIndexTests {
    static func intake(_ narrative: String, respondent: String = "深圳市好运来劳务派遣有限公司",
                       respondentPhone: String? = "138-1234-5678", complainantPhone: String = "13900001111") -> CaseIntake {
        CaseIntake(kind: .complaint, narrative: narrative,
                   complainant: Party(role: .complainant, name: "张三", phone: complainantPhone),
                   respondents: [Party(role: .respondent, type: .intermediary, name: respondent, phone: respondentPhone)])
    }

    @Test("intake indexes respondents, complainant phone and narrative entities with their roles")
    func indexing() throws {
        let clock = Clock(Support.monday)
        let service = try Support.service { clock.now }
        let view = try service.open(Self.intake("对方让我加微信 hr_zhang888 交押金"), actor: "op")
        let entities = try service.store.entities(ofCase: view.record.id)
        let roles = Dictionary(entities.map { ($0.entity.description, $0.role) }, uniquingKeysWith: { a, _ in a })
        #expect(roles["company:深圳市好运来劳务派遣公司"] == .respondent)
        #expect(roles["phone:13812345678"] == .respondent)
        #expect(roles["phone:13900001111"] == .complainant)
        #expect(roles["wechat:hr_zhang888"] == .narrative)
    }

    @Test("counts over time windows: first/last seen, 7- and 30-day windows, complainant role not counted")
    func windows() throws {
        let clock = Clock(Support.monday)
        let service = try Support.service { clock.now }
        for day in [0.0, 10, 25, 40] {
            clock.set(Support.days(day))
            _ = try service.open(Self.intake("押金不退，第\(Int(day))天"), actor: "op")
        }
        let phone = Entity(kind: .phone, value: "13812345678")
        let now = Support.days(41)
        #expect(try service.store.windowCount(phone, days: 7, now: now).cases == 1)
        #expect(try service.store.windowCount(phone, days: 30, now: now).cases == 2)
        #expect(try service.store.windowCount(phone, days: 90, now: now).cases == 4)
        let record = try #require(try service.store.entity(phone))
        #expect(record.cases == 4)
        #expect(abs(record.firstSeen.timeIntervalSince(Support.monday)) < 1)
        #expect(abs(record.lastSeen.timeIntervalSince(Support.days(40))) < 1)
        let complainant = Entity(kind: .phone, value: "13900001111")
        #expect(try service.store.windowCount(complainant, days: 90, now: now).cases == 0)
    }

    @Test("the same company written differently is one entity across cases")
    func companyAcrossCases() throws {
        let clock = Clock(Support.monday)
        let service = try Support.service { clock.now }
        _ = try service.open(Self.intake("押金", respondent: "深圳市好运来劳务派遣有限责任公司", respondentPhone: nil), actor: "op")
        _ = try service.open(Self.intake("押金", respondent: "好运来劳务派遣（深圳市）有限公司", respondentPhone: nil), actor: "op")
        let cases = try service.store.cases(naming: Entity(kind: .company, value: "深圳市好运来劳务派遣公司"))
        #expect(cases.count == 2)
    }

    @Test("watchlist: add and remove with a reason are audited; removal without a reason is refused")
    func watchlist() throws {
        let store = try CaseStore.temporary()
        let wechat = Entity(kind: .wechat, value: "heizhongjie01")
        #expect(throws: StoreError.self) { try store.watch(wechat, display: "heizhongjie01", reason: " ", actor: "sup", at: Support.monday) }
        try store.watch(wechat, display: "heizhongjie01", reason: "三宗押金投诉", actor: "sup", at: Support.monday)
        #expect(try store.watchEntry(wechat)?.reason == "三宗押金投诉")
        #expect(throws: StoreError.invalid("unwatch: a reason is required")) {
            try store.unwatch(wechat, reason: "", actor: "sup", at: Support.days(1))
        }
        #expect(try store.watchEntry(wechat) != nil)
        try store.unwatch(wechat, reason: "核实为正规机构", actor: "sup2", at: Support.days(2))
        #expect(try store.watchEntry(wechat) == nil)
        let audit = try store.entityAudit(wechat)
        #expect(audit.map(\.action) == ["watch", "unwatch"])
        #expect(audit.map(\.reason) == ["三宗押金投诉", "核实为正规机构"])
        #expect(audit.map(\.actor) == ["sup", "sup2"])
    }

    @Test("intake suggests related cases: same respondent, same complainant, both = likely duplicate")
    func suggestions() throws {
        let clock = Clock(Support.monday)
        let service = try Support.service { clock.now }
        let desk = try IntermediaryDesk(service: service, rulesDirectory: Support.rulesDirectory)
        let first = try service.open(Self.intake("交了押金不退"), actor: "op")
        let other = try service.open(Self.intake("工资拖欠", respondent: "东莞速聘人力有限公司", respondentPhone: "13711112222",
                                                complainantPhone: "13900001111"), actor: "op")
        let unrelated = try service.open(Self.intake("无关", respondent: "广州某某餐饮有限公司", respondentPhone: "13600000000",
                                                    complainantPhone: "13500000000"), actor: "op")
        let new = try service.open(Self.intake("又被要求交押金"), actor: "op")
        let check = try desk.check(new.record.number)
        let byNumber = Dictionary(uniqueKeysWithValues: check.related.map { ($0.number, $0) })
        #expect(byNumber[first.record.number]?.likelyDuplicate == true)
        #expect(byNumber[other.record.number]?.reasons == [.sameComplainant])
        #expect(byNumber[unrelated.record.number] == nil)
        #expect(check.related.first?.number == first.record.number)
        #expect(byNumber[first.record.number]?.shared.contains("phone:138******78") == true)
        let merged = try desk.accept(new.record.number, first.record.number, type: .duplicateOf, reason: "重复来电", actor: "op")
        #expect(merged.record.id == first.record.id)
    }

    @Test("repeated complaints raise a recorded flag with evidence; the report lists it with counts")
    func repeatFlag() throws {
        let clock = Clock(Support.monday)
        let service = try Support.service { clock.now }
        let desk = try IntermediaryDesk(service: service, rulesDirectory: Support.rulesDirectory)
        var last: IntakeCheck?
        for day in 0..<3 {
            clock.set(Support.days(Double(day)))
            let view = try service.open(Self.intake("押金不退", complainantPhone: "1390000111\(day)"), actor: "op")
            last = try desk.check(view.record.number)
        }
        #expect(last?.flags.contains { $0.rule == "black_intermediary.repeat_complaints" } == true)
        let phone = Entity(kind: .phone, value: "13812345678")
        let flags = try service.store.flags(of: phone)
        #expect(flags.contains { $0.rule == "black_intermediary.repeat_complaints" && !$0.evidence.isEmpty })
        let report = try service.flaggedIntermediaries(days: 30)
        let row = try #require(report.first { $0.entity.entity == phone })
        #expect(row.rules["black_intermediary.repeat_complaints"] == 1)
        #expect(row.entity.cases == 3)
    }

    @Test("one contact behind several company names is flagged from the index")
    func sharedContact() throws {
        let clock = Clock(Support.monday)
        let service = try Support.service { clock.now }
        let desk = try IntermediaryDesk(service: service, rulesDirectory: Support.rulesDirectory)
        var check: IntakeCheck?
        for (n, name) in ["甲乙人力资源有限公司", "丙丁劳务派遣有限公司", "戊己信息咨询有限公司"].enumerated() {
            let view = try service.open(Self.intake("被骗", respondent: name, respondentPhone: "13722223333",
                                                    complainantPhone: "1350000000\(n)"), actor: "op")
            check = try desk.check(view.record.number)
        }
        #expect(check?.flags.contains { $0.rule == "black_intermediary.shared_contact" } == true)
        let companies = try service.store.companies(sharing: Entity(kind: .phone, value: "13722223333"))
        #expect(companies.count == 3)
    }

    @Test("a person respondent's name is never indexed as a company; an unknown type is only when it says 公司")
    func personNotCompany() {
        let at = Support.monday
        let person = CaseRecord(kind: .complaint, channel: .hotline, narrative: "拖欠工资",
                                parties: [Party(role: .respondent, type: .person, name: "王老板", phone: "13811112222")],
                                createdAt: at)
        let kinds = CaseEntities.occurrences(of: person).map(\.entity.kind)
        #expect(kinds == [.phone])
        let unknown = CaseRecord(kind: .complaint, channel: .hotline, narrative: "押金",
                                 parties: [Party(role: .respondent, name: "鑫达人力资源有限公司")], createdAt: at)
        #expect(CaseEntities.occurrences(of: unknown).map(\.entity.value) == ["鑫达人力资源公司"])
    }

    @Test("recorded postings are indexed: postings naming an entity, posting counts in windows, related postings at intake")
    func postings() throws {
        let clock = Clock(Support.days(5))
        let service = try Support.service { clock.now }
        let phone = Entity(kind: .phone, value: "13812345678")
        let occurrence = EntityOccurrence(entity: phone, role: .posting, written: "138 1234 5678")
        try service.store.indexPostings([("job-1", Support.monday, [occurrence]), ("job-2", Support.days(4), [occurrence]),
                                         ("job-2", Support.days(4), [occurrence])])
        #expect(try service.store.postings(naming: phone) == ["job-2", "job-1"])
        #expect(try service.store.windowCount(phone, days: 3, now: Support.days(5)).postings == 1)
        #expect(try service.store.entity(phone)?.postings == 2)
        let desk = try IntermediaryDesk(service: service, rulesDirectory: Support.rulesDirectory)
        let view = try service.open(Self.intake("押金"), actor: "op")
        #expect(try desk.check(view.record.number).postings.sorted() == ["job-1", "job-2"])
    }
}
