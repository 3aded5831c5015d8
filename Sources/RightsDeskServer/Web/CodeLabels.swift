import CaseCore
import CaseStore
import EntityKit
import LegalReferral
import RuleKit

/// Chinese and English labels for the machine codes pages would otherwise show raw (verdicts, deadline states,
/// respondent types, referral authorities, legal clocks, roles, entity kinds and roles, audit actions). An unknown
/// code (e.g. an authority typed by a script) is shown as it is, escaped by the caller.
enum CodeLabels {
    static func verdict(_ verdict: Verdict, _ lang: Language) -> String {
        let pair: (String, String) = switch verdict {
        case .clean: ("未发现风险", "clean")
        case .suspicious: ("可疑", "suspicious")
        case .likelyFraud: ("很可能是诈骗", "likely fraud")
        }
        return pick(lang, pair)
    }

    static func deadlineState(_ state: ServiceDeadline.State, _ lang: Language) -> String {
        let pair: (String, String) = switch state {
        case .notStarted: ("未开始计时", "not started")
        case .running: ("计时中", "running")
        case .paused: ("暂停计时（等待补充材料）", "paused (awaiting information)")
        case .stopped: ("已停止计时", "stopped")
        }
        return pick(lang, pair)
    }

    static func severity(_ severity: Severity, _ lang: Language) -> String {
        let pair: (String, String) = switch severity {
        case .info: ("提示", "info")
        case .low: ("低", "low")
        case .medium: ("中", "medium")
        case .high: ("高", "high")
        case .critical: ("严重", "critical")
        }
        return pick(lang, pair)
    }

    static func respondentType(_ type: RespondentType, _ lang: Language) -> String {
        let pair: (String, String) = switch type {
        case .employer: ("用工单位", "employer")
        case .intermediary: ("中介机构", "intermediary")
        case .platform: ("平台", "platform")
        case .person: ("个人", "person")
        }
        return pick(lang, pair)
    }

    /// The referral targets the case page offers, in order.
    static let authorities = ["legalDesk", "legalAid", "laborInspection", "laborArbitration", "marketRegulation", "police"]

    static func authority(_ code: String, _ lang: Language) -> String {
        let labels: [String: (String, String)] = [
            "legalDesk": ("法律服务角", "legal desk"), "legalAid": ("法律援助中心", "legal aid"),
            "laborInspection": ("劳动保障监察", "labour inspection"), "laborArbitration": ("劳动人事争议仲裁", "labour arbitration"),
            "marketRegulation": ("市场监督管理", "market regulation"), "police": ("公安机关", "police"),
        ]
        return labels[code].map { pick(lang, $0) } ?? code
    }

    static func clock(_ kind: ClockKind, _ lang: Language) -> String {
        let pair: (String, String) = switch kind {
        case .arbitrationLimitation: ("仲裁时效", "arbitration limitation")
        case .wageArbitrationLimitation: ("欠薪仲裁时效", "wage arbitration limitation")
        case .inspectionWindow: ("劳动监察查处期限", "labour inspection window")
        case .legalAidDecision: ("法律援助审查期限", "legal aid decision")
        }
        return pick(lang, pair)
    }

    static func role(_ role: Role, _ lang: Language) -> String {
        let pair: (String, String) = switch role {
        case .operator: ("热线坐席", "operator")
        case .legal: ("法律服务", "legal desk")
        case .supervisor: ("专班主管", "supervisor")
        case .admin: ("系统管理员", "admin")
        }
        return pick(lang, pair)
    }

    static func entityKind(_ kind: EntityKind, _ lang: Language) -> String {
        let pair: (String, String) = switch kind {
        case .phone: ("电话", "phone")
        case .wechat: ("微信", "WeChat")
        case .qq: ("QQ", "QQ")
        case .company: ("公司", "company")
        case .creditCode: ("统一社会信用代码", "credit code")
        case .licence: ("人力资源服务许可证", "licence")
        }
        return pick(lang, pair)
    }

    static func entityRole(_ role: EntityRole, _ lang: Language) -> String {
        let pair: (String, String) = switch role {
        case .respondent: ("被投诉方", "respondent")
        case .complainant: ("投诉人", "complainant")
        case .narrative: ("来电内容提及", "named in narrative")
        case .posting: ("招聘信息", "posting")
        }
        return pick(lang, pair)
    }

    /// Watchlist audit actions (`watch`, `unwatch`, `viewPersonal`).
    static func auditAction(_ code: String, _ lang: Language) -> String {
        switch code {
        case "watch": pick(lang, ("加入重点关注", "watched"))
        case "unwatch": pick(lang, ("移出重点关注", "unwatched"))
        case "viewPersonal": pick(lang, ("查看完整信息", "viewed unmasked"))
        default: code
        }
    }

    /// A case status or kind code as stored in the entity index (a string), labelled when known.
    static func status(_ code: String, _ lang: Language) -> String {
        CaseStatus(rawValue: code).map { Labels.status($0, lang) } ?? code
    }

    static func kind(_ code: String, _ lang: Language) -> String {
        CaseKind(rawValue: code).map { Labels.kind($0, lang) } ?? code
    }

    private static func pick(_ lang: Language, _ pair: (String, String)) -> String {
        lang == .zh ? pair.0 : pair.1
    }
}
