import RuleKit

/// Every user-facing text of the module (zh and en) and the legal references of each flag, in one place.
///
/// References carry the verification status of `legal-basis.md`: `[V]` checked against a source, `[R]` recalled
/// and still to be checked against 国家法律法规数据库 before a referral relies on it.
enum IntermediaryText {
    static let charging = LocalizedText(
        zh: "以中介身份向求职者收费：中介不得向求职者收取押金，收费须有许可和依据",
        en: "Acts as an intermediary and charges job seekers; agencies may not take deposits from job seekers")
    static let unlicensed = LocalizedText(
        zh: "以中介身份招聘，但未标明人力资源服务许可证编号",
        en: "Acts as an intermediary without stating an HR service licence number")
    static let invalidCreditCode = LocalizedText(
        zh: "统一社会信用代码校验位错误，单位信息可能不真实",
        en: "The unified social credit code fails its check character; the employer details may be false")

    static func sharedContact(_ companies: Int) -> LocalizedText {
        LocalizedText(zh: "同一联系方式出现在 \(companies) 个不同公司名下",
                      en: "One contact appears behind \(companies) different company names")
    }

    static func repeatComplaints(_ count: Int, days: Int) -> LocalizedText {
        LocalizedText(zh: "近 \(days) 天内被 \(count) 宗案件指向",
                      en: "Named in \(count) cases in the last \(days) days")
    }

    static let watchlisted = LocalizedText(zh: "在重点关注名单上", en: "On the watchlist")

    static func knownFlagged(_ count: Int) -> LocalizedText {
        LocalizedText(zh: "该联系方式此前已被标记 \(count) 次", en: "This contact was flagged \(count) times before")
    }

    // MARK: - Legal basis (see ../shared/reference/legal-basis.md rows 7–10e and 15)

    static let chargingReferences = [
        "就业促进法 第四十一条 [R]", "就业促进法 第六十六条 [R]", "人力资源市场暂行条例 第二十五条 [R]",
    ]
    static let unlicensedReferences = [
        "就业促进法 第四十条 [V]", "人力资源市场暂行条例 第十八条 [R]", "人力资源市场暂行条例 第四十二条 [R]",
        "关于规范网络平台招聘类信息发布的通知（2026年1月）[V]",
    ]
    static let falseInfoReferences = ["人力资源市场暂行条例 第二十四条 [R]", "人力资源市场暂行条例 第四十三条 [R]"]
    static let repeatReferences = ["就业促进法 第六十八条 [V]"]

    /// Who handles an intermediary referral (人社 labour inspection).
    static let authority = "人社局劳动保障监察机构"
}
