/// User-facing names of CaseCore's values, in one place (zh and en).
public enum Labels {
    public static func status(_ s: CaseStatus, _ language: Language) -> String {
        switch (s, language) {
        case (.received, .zh): "已登记"
        case (.received, .en): "received"
        case (.triaged, .zh): "已分流"
        case (.triaged, .en): "triaged"
        case (.assigned, .zh): "已交办"
        case (.assigned, .en): "assigned"
        case (.inProgress, .zh): "办理中"
        case (.inProgress, .en): "in progress"
        case (.awaitingInfo, .zh): "待补充材料"
        case (.awaitingInfo, .en): "awaiting info"
        case (.referred, .zh): "已移送"
        case (.referred, .en): "referred"
        case (.resolved, .zh): "已办结"
        case (.resolved, .en): "resolved"
        case (.closed, .zh): "已回访归档"
        case (.closed, .en): "closed"
        case (.rejected, .zh): "不予受理"
        case (.rejected, .en): "rejected"
        case (.withdrawn, .zh): "撤回"
        case (.withdrawn, .en): "withdrawn"
        case (.reopened, .zh): "重办"
        case (.reopened, .en): "reopened"
        }
    }

    public static func kind(_ k: CaseKind, _ language: Language) -> String {
        switch (k, language) {
        case (.complaint, .zh): "投诉"
        case (.complaint, .en): "complaint"
        case (.fraudReport, .zh): "举报"
        case (.fraudReport, .en): "fraud report"
        case (.laborDispute, .zh): "劳动争议"
        case (.laborDispute, .en): "labour dispute"
        case (.consultation, .zh): "咨询"
        case (.consultation, .en): "consultation"
        }
    }

    public static func channel(_ c: Channel, _ language: Language) -> String {
        switch (c, language) {
        case (.hotline, .zh): "热线"
        case (.hotline, .en): "hotline"
        case (.walkIn, .zh): "来访"
        case (.walkIn, .en): "walk-in"
        case (.online, .zh): "网上"
        case (.online, .en): "online"
        case (.transfer, .zh): "转办"
        case (.transfer, .en): "transfer"
        case (.automatic, .zh): "自动"
        case (.automatic, .en): "automatic"
        }
    }

    public static func priority(_ p: Priority, _ language: Language) -> String {
        switch (p, language) {
        case (.normal, .zh): "普通"
        case (.normal, .en): "normal"
        case (.urgent, .zh): "加急"
        case (.urgent, .en): "urgent"
        }
    }

    public static func event(_ e: CaseEventName, _ language: Language) -> String {
        let zh: String
        switch e {
        case .open: zh = "登记"
        case .triage: zh = "分流"
        case .assign: zh = "交办"
        case .start: zh = "开始办理"
        case .requestInfo: zh = "要求补充材料"
        case .provideInfo: zh = "补充材料"
        case .refer: zh = "移送"
        case .resolve: zh = "办结"
        case .close: zh = "回访归档"
        case .reject: zh = "不予受理"
        case .withdraw: zh = "撤回"
        case .reopen: zh = "重办"
        case .note: zh = "备注"
        case .update: zh = "修改"
        case .extendDeadline: zh = "延长期限"
        case .link: zh = "关联"
        case .merge: zh = "合并"
        case .absorb: zh = "并入"
        case .viewPersonalData: zh = "查看个人信息"
        case .advise: zh = "法律意见"
        case .outcome: zh = "移送结果"
        }
        return language == .zh ? zh : e.rawValue
    }
}
