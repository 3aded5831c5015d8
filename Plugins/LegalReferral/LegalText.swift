import CaseCore
import RuleKit

/// Every user-facing text of the legal-referral module, in Chinese and English, in one place.
public enum LegalText {
    /// Appended to an unverified provision's citation.
    public static let unverifiedMark = LocalizedText(zh: "（未核实）", en: " (unverified)")

    static let missingLearned = LocalizedText(
        zh: "缺少“知道或应当知道权利被侵害的日期”，无法计算期限，请补充。",
        en: "The date the worker learned of the infringement is missing; add it to compute this clock.")
    static let missingToday = LocalizedText(zh: "未提供当前日期，无法计算剩余天数。",
                                            en: "Today's date is unknown; days left cannot be computed.")
    static let wageWhileEmployed = LocalizedText(
        zh: "劳动关系存续期间拖欠劳动报酬，仲裁时效不起算；劳动关系终止后须在一年内申请仲裁。",
        en: "Wage arrears during employment are not time-barred; the claim must be made within one year after employment ends.")
    static let continuingViolation = LocalizedText(
        zh: "违法行为处于连续或继续状态，二年期间自行为终了之日起计算，尚未起算。",
        en: "The violation is continuing; the two-year window runs from its end and has not started.")
    static let actDateApproximated = LocalizedText(
        zh: "以“知道权利被侵害的日期”近似违法行为发生日；若行为发生更早，期间届满也更早，请核实。",
        en: "The act's date is approximated by the date the worker learned of it; if the act was earlier, the window ends earlier.")
    static let legalAidDecisionNote = LocalizedText(
        zh: "法律援助机构审查决定期限为收到申请之日起七日（条号凭记忆，未核实）。",
        en: "The legal-aid centre decides within 7 days of the application (article number recalled, unverified).")
    static let legalAidNotApplied = LocalizedText(
        zh: "尚未记录法律援助申请；所示日期为今日申请时的决定期限。移送法律援助后自移送之日起计算。",
        en: "No legal-aid application recorded; the date shown assumes an application today. It runs from the referral to legal aid.")
    static let holidayRule = LocalizedText(
        zh: "期间最后一日为法定节假日或休息日。民事诉讼程序中以节假日后的第一个工作日为期间届满日（民事诉讼法相关条款凭记忆，未核实）；为稳妥起见，请在原定最后一日前提出申请。",
        en: "The last day is a holiday or rest day. In civil procedure the period would end on the next working day (recalled, unverified); to be safe, file by the original last day.")

    static func calendarNotCovering(_ year: Int) -> LocalizedText {
        LocalizedText(zh: "节假日历未收录\(year)年的放假安排，顺延日期仅按周末推算。",
                      en: "The holiday calendar does not cover \(year); the next working day counts weekends only.")
    }

    static func finalAward(eligible: Bool, amount: Fen, threshold: Fen) -> LocalizedText {
        eligible
            ? LocalizedText(
                zh: "主张金额\(amount)元不超过当地月最低工资标准十二个月金额（\(threshold)元），追索劳动报酬等争议适用一裁终局。",
                en: "The claim of ¥\(amount) is within 12 × the local monthly minimum wage (¥\(threshold)): the award on wages etc. is final for the employer.")
            : LocalizedText(
                zh: "主张金额\(amount)元超过当地月最低工资标准十二个月金额（\(threshold)元），不适用一裁终局。",
                en: "The claim of ¥\(amount) exceeds 12 × the local monthly minimum wage (¥\(threshold)): no final award.")
    }

    /// Appended to every final-award note while the site's minimum wage is not marked verified.
    static let wageUnverified = LocalizedText(
        zh: "（注意：本站设置的月最低工资标准尚未核实，可能是占位值，请按本省人民政府公布的标准核对后再作判断。）",
        en: " (Note: this site's monthly minimum wage is not marked verified and may be a placeholder; check it against the province's published standard before relying on this.)")

    static let finalAwardUnknownAmount = LocalizedText(
        zh: "未记录主张金额，无法判断是否适用一裁终局。",
        en: "No amount claimed is recorded; final-award eligibility cannot be decided.")
    static let hardshipExempt = LocalizedText(
        zh: "进城务工人员请求支付劳动报酬或工伤事故人身损害赔偿，申请法律援助免予核查经济困难状况（法律援助法第四十二条第三项）。",
        en: "A migrant worker claiming wages or work-injury damages is exempt from the economic-hardship check (Legal Aid Law art. 42(3)).")
    static let hardshipCheck = LocalizedText(
        zh: "法律援助机构将审查申请人的经济困难状况。",
        en: "The legal-aid centre will check the applicant's economic hardship.")
    static let provideFirst = LocalizedText(
        zh: "仲裁时效届满不足七日，法律援助机构应当先行提供法律援助（条号凭记忆，未核实）。",
        en: "The limitation expires in under 7 days: legal aid should be provided first, before the decision (article recalled, unverified).")

    static func raisePriority(_ clock: ClockKind, daysLeft: Int) -> LocalizedText {
        LocalizedText(zh: "\(clockName(clock).zh)仅剩\(daysLeft)天，建议将案件优先级调整为加急。",
                      en: "\(clockName(clock).en) ends in \(daysLeft) days; raise the case's priority to urgent.")
    }

    /// The clock's name (zh, en).
    public static func clockName(_ kind: ClockKind) -> LocalizedText {
        switch kind {
        case .arbitrationLimitation: LocalizedText(zh: "仲裁时效", en: "arbitration limitation")
        case .wageArbitrationLimitation: LocalizedText(zh: "欠薪仲裁时效", en: "wage-arrears arbitration limitation")
        case .inspectionWindow: LocalizedText(zh: "劳动保障监察查处期间", en: "labour-inspection window")
        case .legalAidDecision: LocalizedText(zh: "法律援助审查决定期限", en: "legal-aid decision due")
        }
    }

    /// The clock level's name (zh, en).
    public static func levelName(_ level: ClockLevel) -> LocalizedText {
        switch level {
        case .ok: LocalizedText(zh: "正常", en: "ok")
        case .warning: LocalizedText(zh: "临近届满", en: "warning")
        case .urgent: LocalizedText(zh: "紧急", en: "urgent")
        case .expired: LocalizedText(zh: "已届满", en: "expired")
        case .notRunning: LocalizedText(zh: "未起算", en: "not running")
        case .unknown: LocalizedText(zh: "无法计算", en: "unknown")
        }
    }

    /// The authority's name.
    public static func authorityName(_ authority: Authority) -> LocalizedText {
        LocalizedText(zh: authority.name.zh, en: authority.name.en)
    }

    /// A missing value in a reason.
    static let unknownValue = LocalizedText(zh: "未知", en: "unknown")
}
