import CaseCore
import Foundation
import SeededRandom

/// Realistic, fictional hotline cases from a fixed seed: template sentences about deposits, fake part-time jobs,
/// wage arrears, intermediaries and riders, with generated names, phones, amounts and places.
struct CaseGenerator {
    /// The same sequence on every machine.
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func below(_ n: Int) -> Int { random.below(n) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func amount(_ low: Int, _ high: Int) -> Int { (low + below(high - low)) / 10 * 10 }

    /// Query classes of the benchmark: words the generator writes, and 4-character strings it never writes.
    static let queryClasses: [(String, [String])] = [
        ("1 char", ["金", "骗", "薪", "押", "扣", "欠", "返", "厂"]),
        ("2 chars", ["押金", "刷单", "工资", "中介", "返现", "培训", "骑手", "拖欠"]),
        ("4 chars", ["交押金后", "拖欠工资", "垫付本金", "培训费用", "介绍费用", "站点罚款", "体检费用", "刷单返利"]),
        ("4 chars, no match", ["押金骑手", "工资刷单", "返现体检", "罚款培训"]),
        // Every bigram of these occurs in the same cases (one template in six), never in this order: FTS5 must
        // check positions in all of them. The worst case for the bigram index.
        ("4-6 chars, no match, bigrams co-occur", ["刷单返现", "交押金不退", "站点罚款依据", "公司要求双倍"]),
    ]

    static let platforms = ["某招聘App", "短视频平台", "同城信息网", "微信群", "QQ群", "求职网站", "朋友圈", "贴吧"]
    static let jobs = ["仓库分拣员", "快递员", "外卖骑手", "电子厂普工", "保安", "服务员", "打字员", "主播助理",
                       "网约车司机", "保洁员", "装修工", "家政服务员"]
    static let cities = ["广州", "深圳", "东莞", "佛山", "苏州", "杭州", "成都", "郑州", "武汉", "长沙"]
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高")
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华")
    static let suffixes = ["人力资源有限公司", "劳务派遣有限公司", "电子科技有限公司", "物流有限公司", "建筑劳务有限公司",
                           "信息咨询服务部"]
    static let words = ["恒通", "鑫达", "嘉禾", "瑞丰", "顺成", "华远", "金桥", "宏图", "众诚", "骏马"]
    static let departments = ["劳动保障监察大队", "市场监管局", "公安反诈中心", "法律援助中心", "人社局仲裁院", nil]

    mutating func name() -> String { "\(pick(Self.surnames))\(pick(Self.given))\(below(2) == 0 ? String(pick(Self.given)) : "")" }
    mutating func phone() -> String { "1\(pick([3, 5, 7, 8, 9]))\(String(100_000_000 + below(899_999_999)))" }
    mutating func company() -> String { "\(pick(Self.cities))\(pick(Self.words))\(pick(Self.suffixes))" }

    mutating func narrative() -> (String, CaseKind) {
        switch below(6) {
        case 0:
            return ("在\(pick(Self.platforms))上看到\(pick(Self.jobs))招聘，月薪\(amount(4_000, 9_000))元，对方要求先交"
                + "\(amount(200, 1_500))元押金和\(amount(100, 500))元体检费用，交押金后对方拉黑失联，押金不退。", .fraudReport)
        case 1:
            return ("在\(pick(Self.cities))做\(pick(Self.jobs))，\(1 + below(6))个月拖欠工资共\(amount(3_000, 40_000))元，"
                + "老板说等项目结款再发，多次讨要无果，\(below(2) == 0 ? "没有签劳动合同" : "有考勤记录和聊天截图")。",
                    .laborDispute)
        case 2:
            return ("\(pick(Self.platforms))发布刷单兼职，称日结\(amount(100, 600))元，刷单返利，先垫付本金"
                + "\(amount(300, 8_000))元，完成任务后返现，结果对方以卡单为由要求继续转账，共被骗\(amount(1_000, 30_000))元。",
                    .fraudReport)
        case 3:
            return ("经\(company())介绍到\(pick(Self.cities))电子厂上班，中介收取介绍费用\(amount(300, 2_000))元，"
                + "入职后发现工价与承诺不符，离职时被扣工资\(amount(500, 3_000))元。", .complaint)
        case 4:
            return ("外卖骑手在\(pick(Self.cities))站点配送，因超时被站点罚款\(amount(50, 800))元，站长称是平台规定，"
                + "要求说明罚款依据并退还，另反映工伤无人处理。", .complaint)
        default:
            return ("咨询：应聘\(pick(Self.jobs))时公司要求缴纳培训费用\(amount(500, 5_000))元，是否合法？"
                + "入职\(1 + below(11))个月未签合同能否要求双倍工资？", .consultation)
        }
    }

    /// Case `index` of `total`, created in order over 2024–2026.
    mutating func next(index: Int, of total: Int) -> (record: CaseRecord, openEvent: CaseEvent) {
        let (text, kind) = narrative()
        let start = 1_704_038_400.0  // 2024-01-01 00:00 CST
        let span = 3 * 365 * 86_400.0
        let createdAt = Date(timeIntervalSince1970: start + span * Double(index) / Double(max(total, 1)))
        var parties = [Party(role: .complainant, name: name(), phone: phone())]
        if kind != .consultation {
            parties.append(Party(role: .respondent, type: .intermediary, name: company(),
                                 phone: below(2) == 0 ? phone() : nil))
        }
        let status = pick(CaseStatus.allCases)
        let record = CaseRecord(kind: kind, channel: pick(Channel.allCases), status: status, narrative: text,
                                parties: parties, department: pick(Self.departments),
                                assignee: below(3) == 0 ? nil : "op-\(below(40))", tags: below(2) == 0 ? [] : ["批量"],
                                createdAt: createdAt)
        let event = CaseEvent(caseId: 0, at: createdAt, actor: "op-\(below(40))", name: .open, to: .received)
        return (record, event)
    }
}
