import SeededRandom
/// Seeded synthetic data for the pattern benchmark: Chinese job postings and RULE-FORMAT-style patterns.
struct PatternBenchmarkCorpus {
    /// All postings, concatenated (valid UTF-8: built from Swift strings).
    var bytes: [UInt8] = []
    /// Byte range of each posting in `bytes`.
    var postings: [Range<Int>] = []

    /// The corpus generator: seeded, so the same seed gives the same corpus on every machine.
    typealias Generator = SplitMix64

    // MARK: - Vocabulary

    static let roles = ["服务员", "普工", "快递员", "外卖骑手", "保安", "保洁", "收银员", "仓库管理员", "客服专员", "销售代表",
                        "厨师", "司机", "店长", "前台", "文员", "会计", "电工", "焊工", "装卸工", "质检员", "配送员", "理货员"]
    static let ordinaryPhrases = [
        "岗位职责", "任职要求", "工作时间", "工作地点", "薪资待遇", "福利待遇", "包吃包住", "五险一金", "带薪年假", "节日福利",
        "年龄18-45周岁", "身体健康", "吃苦耐劳", "有责任心", "团队合作", "服从安排", "无经验可培训", "有相关经验者优先",
        "月薪", "底薪", "提成", "绩效奖金", "加班费另算", "按时发放工资", "每月15日发薪", "公司", "有限公司", "集团",
        "欢迎", "联系电话", "联系人", "面试地点", "面试时间", "入职", "上岗", "培训", "转正", "晋升空间", "双休", "单休",
        "早班", "晚班", "倒班", "长白班", "环境好", "交通便利", "地铁", "附近", "员工宿舍", "工作餐", "空调", "周末",
        "元", "小时", "天", "个月", "以上", "左右", "负责", "日常", "门店", "仓库", "客户", "订单", "商品", "货物",
        "安全", "规范", "操作", "设备", "维护", "清洁", "接待", "登记", "整理", "配合", "完成", "领导", "安排的其他工作",
        "学历不限", "初中以上学历", "男女不限", "长期稳定", "正规企业", "签订劳动合同", "缴纳社保", "加", "收", "交",
    ]
    static let punctuation = ["，", "，", "。", "、", "；", "：", "！", "\n", " "]
    static let fraudSentences = [
        "入职前需缴纳押金300元", "先交培训费500元后安排上岗", "加V信了解详情", "日赚500元轻松在家", "押 金200元可退",
        "刷单返利日结", "需预付服装费150元", "添加vx：abc123", "收取报名费100元", "无需经验日赚300-800元",
        "先交体检费到指定医院", "扣扣联系", "手工活外发，押-金另算", "交纳保证金1000元", "办理工牌需工本费50元",
        "本公司不收取任何押金", "免费培训，无需缴纳任何费用", "淘宝刷单兼职", "打字员在家兼职日结",
    ]
    static let feeWords = ["押金", "保证金", "报名费", "培训费", "服装费", "体检费", "工本费", "资料费", "介绍费", "中介费",
                           "办卡费", "考证费", "上岗费", "管理费", "建档费", "信息费", "会员费", "风险金", "制服费", "住宿押金"]
    static let payVerbs = ["交", "缴", "缴纳", "交纳", "支付", "付", "先付", "预付", "收取", "收费", "需交", "要交", "须交",
                           "需缴", "要缴", "先交", "先缴"]
    static let contactWords = ["微信", "威信", "薇信", "徽信", "V信", "v信", "VX", "vx", "wx", "WX", "QQ", "qq", "扣扣",
                               "企鹅号"]
    static let scamWords = ["刷单", "返利", "垫付", "刷信誉", "打字员", "手工活外发", "网络兼职", "日赚", "躺赚", "高额回报",
                            "在家兼职", "无需经验", "轻松月入", "点赞兼职", "淘宝刷", "拼多多刷", "京东刷", "做任务",
                            "佣金秒结", "充值返现", "先垫资", "内部名额", "包过", "保录取", "快速办证", "代办证件", "贷款",
                            "网贷", "套现", "裸聊", "博彩", "赌场", "彩票内幕", "境外高薪", "出国务工", "免签", "护照代办"]
    static let gap = "[^。！？!?\\n]"
    static let sep = "[\\s\\-_.·*/|，,、~]{0,2}"

    // MARK: - Postings

    /// Generates at least `megabytes` MB of postings.
    static func generate(megabytes: Int, seed: UInt64) -> PatternBenchmarkCorpus {
        var rng = Generator(seed: seed)
        var corpus = PatternBenchmarkCorpus()
        let target = megabytes * 1_000_000
        corpus.bytes.reserveCapacity(target + 4096)
        while corpus.bytes.count < target {
            let start = corpus.bytes.count
            corpus.bytes += posting(&rng).utf8
            corpus.postings.append(start..<corpus.bytes.count)
        }
        return corpus
    }

    private static func posting(_ rng: inout Generator) -> String {
        var text = "招聘" + rng.pick(roles) + "\n"
        let sentences = rng.int(6...14)
        let fraudy = rng.chance(0.08)
        for _ in 0..<sentences {
            for _ in 0..<rng.int(3...8) {
                text += rng.chance(0.12) ? String(rng.int(1...9999)) : rng.pick(ordinaryPhrases)
                if rng.chance(0.3) { text += rng.pick(punctuation) }
            }
            if fraudy && rng.chance(0.25) { text += "，" + rng.pick(fraudSentences) }
            text += "。"
        }
        return text
    }

    // MARK: - Rules

    /// `count` distinct RULE-FORMAT-style patterns (alternations of Chinese words, gaps, lookbehinds, classes).
    ///
    /// With `growingFrom: n`, rules after the first `n` take their fee, scam and contact words from a vocabulary of
    /// their own instead of the shared one (see ``Vocabulary/novel(_:)``): the pack's vocabulary then grows with
    /// it, as a real pack's does, instead of recombining the same ~160 words. The first `n` rules are the same as
    /// without the option.
    static func rules(count: Int, seed: UInt64, growingFrom: Int? = nil) -> [String] {
        var rng = Generator(seed: seed)
        var novelRNG = Generator(seed: seed &+ 1)
        var seen = Set<String>()
        var result: [String] = []
        while result.count < count {
            let vocabulary = growingFrom.map { result.count >= $0 } == true ? Vocabulary.novel(&novelRNG) : .shared
            let rule = oneRule(&rng, vocabulary)
            if seen.insert(rule).inserted { result.append(rule) }
        }
        return result
    }

    /// The words a generated rule draws on.
    struct Vocabulary {
        var feeWords: [String]
        var scamWords: [String]
        var contactWords: [String]

        static let shared = Vocabulary(feeWords: PatternBenchmarkCorpus.feeWords,
                                       scamWords: PatternBenchmarkCorpus.scamWords,
                                       contactWords: PatternBenchmarkCorpus.contactWords)

        /// Characters of the corpus's own vocabulary, so new words begin with bytes the automaton sees all the time.
        static let characters: [String] = {
            var seen = Set<Character>()
            var result: [String] = []
            for word in PatternBenchmarkCorpus.ordinaryPhrases + PatternBenchmarkCorpus.feeWords
                + PatternBenchmarkCorpus.scamWords + PatternBenchmarkCorpus.roles {
                for character in word where character.unicodeScalars.first!.value >= 0x4E00
                    && seen.insert(character).inserted {
                    result.append(String(character))
                }
            }
            return result
        }()

        /// Fresh 2–3-character words made of the corpus's characters: most never occur in a posting, a few do by
        /// chance (as a real rule's words sometimes do in honest text).
        static func novel(_ rng: inout Generator) -> Vocabulary {
            func words(_ n: Int) -> [String] {
                (0..<n).map { _ in (0..<rng.int(2...3)).map { _ in rng.pick(characters) }.joined() }
            }
            return Vocabulary(feeWords: words(6), scamWords: words(6), contactWords: words(6))
        }
    }

    private static func alt(_ words: [String]) -> String { "(?:" + words.joined(separator: "|") + ")" }

    private static func oneRule(_ rng: inout Generator, _ words: Vocabulary) -> String {
        switch rng.int(0...9) {
        case 0, 1:
            return alt(rng.subset(payVerbs, 2...6)) + "\(gap){0,\(rng.int(2...10))}" + alt(rng.subset(words.feeWords, 1...4))
        case 2:
            return "(?<![不无免])" + alt(rng.subset(payVerbs, 1...4)) + "\(gap){0,4}" + alt(rng.subset(words.feeWords, 1...3))
        case 3:
            return alt(["加", "联系", "添加", "私信", "咨询"].shuffled(using: &rng).prefix(rng.int(1...3)).map { $0 })
                + "\(gap){0,3}" + alt(rng.subset(words.contactWords, 2...6))
        case 4:
            let word = rng.pick(words.feeWords + words.scamWords).unicodeScalars.map(String.init)
            return word.joined(separator: sep)
        case 5:
            return alt(rng.subset(words.scamWords, 1...4)) + "\(gap){0,6}" + "\\d{2,5}" + alt(["元", "块", "米"])
        case 6:
            return alt(rng.subset(words.scamWords, 2...5))
        case 7:
            return "(?<!不)(?<!无)" + alt(rng.subset(words.scamWords, 1...3)) + "(?:兼职|工作|项目)?"
        case 8:
            return rng.chance(0.3) ? noLiteralRule(&rng)
                : alt(rng.subset(words.feeWords, 1...3)) + "\(gap){0,6}(?:[0-9０-９]+|[一二三四五六七八九十百千]+)(?:元|块)"
        default:
            return alt(rng.subset(words.scamWords, 1...3)) + "\(gap){0,10}" + alt(rng.subset(payVerbs + words.feeWords, 1...3))
        }
    }

    /// A rule with no usable literal (it always runs), as real packs have a few.
    private static func noLiteralRule(_ rng: inout Generator) -> String {
        rng.pick(["1[3-9]\\d{9}", "(?i:we?i?xin)\\s*[:：]?\\s*\\w{5,}", "\\d{3,4}-\\d{7,8}", "[a-zA-Z][\\w-]{5,19}@\\w+",
                  "(?i:vx|wx)[:：]?\\w{6,}", "\\d{5,}元/(?:天|日)"])
    }
}

extension SplitMix64 {
    /// Up to `count` distinct items, in a seeded random order.
    mutating func subset(_ items: [String], _ count: ClosedRange<Int>) -> [String] {
        Array(items.shuffled(using: &self).prefix(int(count)))
    }
}
