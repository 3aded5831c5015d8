import RuleKit

/// The module's own (code) rules, with the examples the verifier runs.
///
/// History examples hold against ``ExampleHistory``: phone 13800000001 behind two company names, phone
/// 13800000002 named in 5 recent cases, WeChat id `heizhongjie01` on the watchlist, phone 13800000003 flagged before.
///
/// Scores are kept low where the fake-job pack already scores the same text (the fee itself), so a posting's
/// verdict does not count one fee twice; the flags matter for the entity, not for the verdict.
enum IntermediaryRules {
    static let charging = "black_intermediary.charging_intermediary"
    static let unlicensed = "black_intermediary.unlicensed_intermediary"
    static let invalidCreditCode = "black_intermediary.invalid_credit_code"
    static let sharedContact = "black_intermediary.shared_contact"
    static let repeatComplaints = "black_intermediary.repeat_complaints"
    static let watchlisted = "black_intermediary.watchlisted"
    static let knownFlagged = "black_intermediary.known_flagged"

    static let all: [RuleDescription] = [
        RuleDescription(
            id: charging, name: LocalizedText(zh: "中介向求职者收费", en: "Intermediary charging job seekers"),
            severity: .high, score: 2, references: IntermediaryText.chargingReferences,
            examples: RuleExamples(
                trigger: ["正规⟦劳务派遣⟧，面试通过交介绍费300元送厂", "我们⟦介绍工作⟧，先交押金500元"],
                ignore: ["正规劳务派遣，不收取任何费用", "工厂直招，入职交押金300元"])),
        RuleDescription(
            id: unlicensed, name: LocalizedText(zh: "中介未标明许可证号", en: "Intermediary without a licence number"),
            severity: .medium, score: 1, references: IntermediaryText.unlicensedReferences,
            examples: RuleExamples(
                trigger: ["⟦劳务派遣⟧，长期招普工，包吃住"],
                ignore: ["劳务派遣，人力资源服务许可证编号：440300201904050001", "工厂直招普工，包吃住"])),
        RuleDescription(
            id: invalidCreditCode, name: LocalizedText(zh: "统一社会信用代码校验错误", en: "Invalid credit code"),
            severity: .medium, score: 3, references: IntermediaryText.falseInfoReferences,
            examples: RuleExamples(
                trigger: ["统一社会信用代码：⟦9144030071526726XA⟧"],
                ignore: ["统一社会信用代码：9144030071526726XG", "身份证440301199001011234"])),
        RuleDescription(
            id: sharedContact,
            name: LocalizedText(zh: "一个联系方式对应多个公司", en: "One contact behind several company names"),
            severity: .high, score: 3, references: IntermediaryText.falseInfoReferences,
            examples: RuleExamples(
                trigger: ["深圳市鑫达人力资源有限公司招聘，电话⟦13800000001⟧"],
                ignore: ["深圳市鑫达人力资源有限公司招聘，电话13911112222", "电话13800000001"])),
        RuleDescription(
            id: repeatComplaints,
            name: LocalizedText(zh: "短期内多次被投诉", en: "Named in many recent complaints"),
            severity: .high, score: 2, references: IntermediaryText.repeatReferences,
            examples: RuleExamples(trigger: ["联系人电话⟦13800000002⟧"], ignore: ["联系人电话13911112222"])),
        RuleDescription(
            id: watchlisted, name: LocalizedText(zh: "重点关注对象", en: "On the watchlist"),
            severity: .high, score: 4,
            examples: RuleExamples(trigger: ["加微信⟦heizhongjie01⟧"], ignore: ["加微信 baizhongjie02"])),
        RuleDescription(
            id: knownFlagged,
            name: LocalizedText(zh: "联系方式属于已标记的中介", en: "Contact of an already flagged intermediary"),
            severity: .high, score: 3,
            examples: RuleExamples(trigger: ["报名电话⟦13800000003⟧"], ignore: ["报名电话13911112222"])),
    ]

    static func description(_ id: String) -> RuleDescription? { all.first { $0.id == id } }
}
