import FakeJobDetection
import RuleKit
import Testing

/// Whole postings written for the project, modelled on the scripts quoted in official warnings (人社部 八大陷阱,
/// 公安部 反诈提示) — and honest postings that use the same words without demanding anything.
@Suite("fake-job scenarios")
struct ScenarioTests {
    struct Scam: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var rule: String
        var testDescription: String { name }
    }

    static let obviousScams: [Scam] = [
        Scam(name: "fees before hiring", text: "诚聘仓库理货员，包吃住，月薪6000。面试通过后需先交服装费和押金共480元，交完即可安排上岗。",
             rule: "fake_job.fee.upfront_demand"),
        Scam(name: "typing job with entry fee", text: "招聘在家打字员，一部手机就能做，先交入会费118元，再交押金50元领取稿件。",
             rule: "fake_job.fee.upfront_demand"),
        Scam(name: "order brushing with advance payment",
             text: "招聘网店刷单员，在家手机操作，每单佣金5-50元，需先垫付本金，完成后本金佣金一起返还。有意者加微信领任务。",
             rule: "fake_job.brushing.advance_payment"),
        Scam(name: "renting out bank cards", text: "急招兼职：出租闲置银行卡，一张每天200元，不影响自己正常使用，当天结算。",
             rule: "fake_job.card_renting.rent_or_sell"),
        Scam(name: "money mule", text: "招跑分专员，用自己的收款码收款后转给指定账户，按流水1%提成。",
             rule: "fake_job.card_renting.money_mule"),
        Scam(name: "training loan", text: "高薪招聘Java开发助理，零基础可，入职前参加四个月岗前培训，培训费可办理分期贷款，结业包就业。",
             rule: "fake_job.training_loan.named"),
        Scam(name: "ID card withheld and a guarantee fee",
             text: "招聘保安，包吃住。入职须将身份证原件交公司统一保管，干满半年归还。另收保证金500元。",
             rule: "fake_job.id_withholding.keep_documents"),
        Scam(name: "paid guaranteed post", text: "国企内部指标，直签保录取，需交服务费3万元，不成功全额退款。",
             rule: "fake_job.guaranteed_hire.promise"),
        Scam(name: "downline recruiting", text: "招聘业务代理，发展下线越多收入越高，需购买产品礼包才能成为代理。",
             rule: "fake_job.pyramid.recruit_downline"),
    ]

    @Test("obvious scams reach likelyFraud at level 1", arguments: obviousScams)
    func obviousScamIsLikelyFraud(scam: Scam) throws {
        let evaluation = try PackFixture.registry(level: 1).evaluate(PackFixture.posting(scam.text))
        #expect(evaluation.verdict == .likelyFraud, "score \(evaluation.score)")
        #expect(evaluation.findings.contains { $0.rule == scam.rule })
    }

    @Test("task hand-out over a disguised WeChat is suspicious at level 1 and names the rule")
    func offPlatformTasks() throws {
        let evaluation = try PackFixture.registry(level: 1).evaluate(PackFixture.posting("兼职打字员，日结，有意者请加V信领任务。"))
        #expect(evaluation.verdict >= .suspicious)
        let finding = try #require(evaluation.findings.first { $0.rule == "fake_job.off_platform.tasks_via_private_chat" })
        #expect(finding.evidence.first?.excerpt.contains("V信") == true)
    }

    @Test("an overseas scam-compound lure is suspicious at level 1 and likelyFraud at level 2")
    func overseasLure() throws {
        let text = "柬埔寨招聘客服打字员，月入过万，包机票包吃住，无需经验。"
        #expect(try PackFixture.registry(level: 1).evaluate(PackFixture.posting(text)).verdict == .suspicious)
        #expect(try PackFixture.registry(level: 2).evaluate(PackFixture.posting(text)).verdict == .likelyFraud)
    }

    @Test("evidence points at the demand, in UTF-8 bytes of the field")
    func evidenceOffsets() throws {
        let text = "包吃住。入职前需缴纳押金300元。"
        let findings = try PackFixture.module().evaluate(PackFixture.posting(text), context: EmptyContext())
        let evidence = try #require(findings.first { $0.rule == "fake_job.fee.upfront_demand" }?.evidence.first)
        #expect(evidence.field == "description")
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[evidence.start..<evidence.end], as: UTF8.self) == "需缴纳押金")
    }

    static let honestPostings: [String] = [
        "本公司不收取任何费用",
        "面试请携带身份证",
        "押金全免",
        "包吃住，工资日结",
        "招聘普工，长白班，包吃住，月薪5000-6500。公司直招，不收取任何押金、服装费和体检费。面试请携带身份证原件，入职体检费用公司报销。工资每月15号银行卡发放，绝不拖欠。",
        "温馨提示：凡是以各种理由收取押金、报名费的都是骗子，请求职者提高警惕。",
        "负责天猫店铺日常运营，非刷单，需有两年以上电商经验，月薪8000-12000。",
        "银行信用卡中心招聘办卡专员，负责办理信用卡业务，底薪3000+提成。",
        "会计：负责凭证录入、过账、报表编制，熟练使用财务软件。",
        "公司福利：五险一金，年度优秀员工免费出国游。",
        "外卖骑手，公司提供电动车和餐箱，无需押金，多劳多得，工资日结。",
        "招聘客服，通过微信和电话回复客户咨询，周末双休，无需交纳任何费用。",
    ]

    @Test("honest postings stay clean even at level 3", arguments: honestPostings)
    func honestIsClean(text: String) throws {
        let evaluation = try PackFixture.registry(level: 3).evaluate(PackFixture.posting(text))
        #expect(evaluation.verdict == .clean, "\(evaluation.findings.map(\.rule))")
        #expect(evaluation.findings.isEmpty, "\(evaluation.findings.map(\.rule))")
    }
}
