import EntityKit
import SeededRandom

/// A deterministic corpus of texts built to exercise every extractor path: Chinese filler, phone numbers in every
/// supported form, WeChat / QQ / licence markers and ids, company names with legal forms and brackets, credit codes
/// valid and invalid, other scripts, emoji and pieces at the very start or end of a text.
///
/// The corpus and ``serialise(_:)`` define the golden fixture (`Fixtures/GoldenExtractionDigests.swift`): never
/// change either without re-recording the fixture from an extractor known to be right.
enum GoldenCorpus {
    static let fillers = [
        "招聘普工", "月薪5000-8000元，包吃住", "工作地点在深圳", "有意者请联系", "。", "，", "、", "；", "！", "\n", " ", "　",
        "日结工资", "不收任何费用", "先交押金300元", "2026.03.15前到岗", "年龄18-45岁", "我们", "在", "被", "了", "是",
        "本公司", "一家", "该", "中介公司", "劳务派遣", "安排工作", "：", ":", "号", "(", ")", "（", "）", "【", "】",
        "第", "期", "〔", "〕", "x", "A", "ab", "Q", "V", "信", "微", "扣", "同", "码", "-", "·", "~", "*", "/",
    ]
    static let others = [
        "Привет мир", "مرحبا", "한국어 채용", "日本語のテキスト", "😀", "👍🏻", "👨‍👩‍👧", "é", "e\u{301}", "❤", "➕", "\u{200B}",
        "ñandú", "ŞİŞLİ", "\u{FEFF}", "𠀀𠀁", "ｱｲｳ", "™", "½", "١٢٣", "①②③",
    ]
    static let cjk = Array("好运来鑫达华盛恒通宏远金桥人力资源服务劳务派遣科技网络信息咨询管理建筑装饰物流深圳广州上海北京东莞佛山宝安南山天河")
    static let regions = ["深圳", "广州市", "上海", "东莞市长安镇", "北京"]
    static let legalForms = ["有限公司", "有限责任公司", "股份有限公司", "公司", "分公司", "集团", "厂", "店", "集团有限公司",
                             "(深圳)有限公司", "有限公司（宝安分公司）", "有限公司(南山分公司)"]
    static let determiners = ["", "", "", "一家", "这家", "该", "本", "某", "我在", "被", "向"]
    static let wechatMarkers = ["weixin", "wechat", "微信号", "微信", "威信", "薇信", "徽信", "维信", "V信", "加V信", "VX", "vx",
                                "wx", "WX", "微❤", "加V", "+V", "卫星号", "ｖｘ", "➕ＶＸ", "Weixin", "微信同号", "微信同手机"]
    static let qqMarkers = ["QQ", "qq", "扣扣", "企鹅号", "Q号", "ＱＱ", "QQ群"]
    static let licenceMarkers = ["人力资源服务许可证", "人力资源许可证", "职业中介许可证", "劳务派遣经营许可证", "许可证编号",
                                 "许可证号"]
    static let creditMarkers = ["统一社会信用代码", "社会信用代码", "信用代码", "税号", "营业执照号", "注册号"]
    static let fillerAfterMarker = ["", "", "：", ":", " ", "号", "是", "为", "=", "-", "~", "(", "码", "群", "\t", "：　", "号码："]
    static let numerals: [[String]] = [["零", "〇"], ["一", "壹", "幺"], ["二", "贰", "两"], ["三", "叁"], ["四", "肆"],
                                       ["五", "伍"], ["六", "陆"], ["七", "柒"], ["八", "捌"], ["九", "玖"]]
    static let separators = ["", "", "", " ", "-", "_", ".", "·", "‐", "–", "—", "(", ")", "/", "*", "~", "、", "\t", "  ",
                             "　", "--", " - "]

    /// `count` texts from a generator seeded with `seed`.
    static func texts(count: Int = 4_000, seed: UInt64 = 20_261_129) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in text(&random) }
    }

    static func text(_ random: inout SplitMix64) -> String {
        let pieces = Int(random.next() % 10) + 1
        return (0..<pieces).map { _ in piece(&random) }.joined()
    }

    static func piece(_ random: inout SplitMix64) -> String {
        switch random.next() % 16 {
        case 0, 1, 2: return pick(fillers, &random)
        case 3: return pick(others, &random)
        case 4, 5: return phone(&random)
        case 6: return pick(wechatMarkers, &random) + pick(fillerAfterMarker, &random) + wechatID(&random)
        case 7: return pick(qqMarkers, &random) + pick(fillerAfterMarker, &random) + digits(&random, 3...14, spaced: true)
        case 8, 9: return company(&random)
        case 10, 11: return creditCode(&random)
        case 12: return pick(licenceMarkers, &random) + licence(&random)
        case 13: return digits(&random, 1...24, spaced: random.next() % 2 == 0)
        case 14: return String((0..<Int(random.next() % 6)).map { _ in cjk[Int(random.next() % UInt64(cjk.count))] })
        default: return ascii(&random, 1...20)
        }
    }

    static func pick(_ list: [String], _ random: inout SplitMix64) -> String { list[Int(random.next() % UInt64(list.count))] }

    /// One digit in one of the written forms: ASCII, full-width or a Chinese numeral.
    static func digit(_ d: Int, _ random: inout SplitMix64, style: UInt64) -> String {
        switch style {
        case 0: return String(d)
        case 1: return String(Character(Unicode.Scalar(0xFF10 + UInt32(d)) ?? "0"))
        case 2: return pick(numerals[d], &random)
        default: return random.next() % 3 == 0 ? pick(numerals[d], &random) : String(d)
        }
    }

    static func render(_ digits: [Int], _ random: inout SplitMix64) -> String {
        let style = random.next() % 5
        let separator = pick(separators, &random)
        let groups = random.next() % 3 == 0
        var out = ""
        for (k, d) in digits.enumerated() {
            if k > 0, groups ? (k == 3 || k == 7) : random.next() % 9 == 0 { out += separator }
            out += digit(d, &random, style: style == 4 ? random.next() % 4 : style)
        }
        return out
    }

    static func phone(_ random: inout SplitMix64) -> String {
        var number: [Int]
        switch random.next() % 6 {
        case 0, 1, 2: number = [1, 3 + Int(random.next() % 7)] + (0..<9).map { _ in Int(random.next() % 10) }
        case 3: number = [0, 7, 5, 5] + (0..<Int(7 + random.next() % 2)).map { _ in Int(random.next() % 10) }
        case 4: number = [0, 2, 1] + (0..<8).map { _ in Int(random.next() % 10) }
        default: number = (0..<Int(9 + random.next() % 6)).map { _ in Int(random.next() % 10) }
        }
        let prefix = pick(["", "", "", "+86 ", "0086", "86", "电话", "手机：", "打", "(", "座机(021)"], &random)
        let suffix = pick(["", "", "", "一直没人接", "五", "，", "号", ")", "转人事", "8", "（微信同号）"], &random)
        return prefix + render(number, &random) + suffix
    }

    static func wechatID(_ random: inout SplitMix64) -> String {
        switch random.next() % 5 {
        case 0: return phone(&random)
        case 1: return ascii(&random, 1...28)
        case 2: return String(Character(Unicode.Scalar(0x61 + UInt32(random.next() % 26)) ?? "a")) + ascii(&random, 3...22)
        case 3: return pick(["同号", "同手机", " 同号", "：同号"], &random)
        default: return render((0..<Int(random.next() % 12 + 1)).map { _ in Int(random.next() % 10) }, &random)
        }
    }

    static func ascii(_ random: inout SplitMix64, _ lengths: ClosedRange<Int>) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
        let length = lengths.lowerBound + Int(random.next() % UInt64(lengths.count))
        return String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }

    static func digits(_ random: inout SplitMix64, _ lengths: ClosedRange<Int>, spaced: Bool) -> String {
        let length = lengths.lowerBound + Int(random.next() % UInt64(lengths.count))
        let number = (0..<length).map { _ in Int(random.next() % 10) }
        return spaced ? render(number, &random) : number.map(String.init).joined()
    }

    static func company(_ random: inout SplitMix64) -> String {
        let core = String((0..<Int(random.next() % 9)).map { _ in cjk[Int(random.next() % UInt64(cjk.count))] })
        let latin = random.next() % 6 == 0 ? ascii(&random, 1...4) : ""
        let region = random.next() % 5 == 0 ? "(" + pick(regions, &random) + ")" : ""
        let spacing = random.next() % 8 == 0 ? " " : ""
        return pick(determiners, &random) + pick(regions + ["", "", ""], &random) + spacing + core + latin + region
            + pick(legalForms, &random)
    }

    static func creditCode(_ random: inout SplitMix64) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let allDigits = random.next() % 3 == 0
        var body = String(Array("123456789ABCDEFGY")[Int(random.next() % 17)])
        body += String(alphabet[Int(random.next() % 31)])
        body += (0..<6).map { _ in String(random.next() % 10) }.joined()
        body += String((0..<9).map { _ in allDigits ? alphabet[Int(random.next() % 10)] : alphabet[Int(random.next() % 31)] })
        var code = body + String(CreditCode.checkCharacter(for: body) ?? "0")
        switch random.next() % 8 {
        case 0: code = String(code.dropLast()) + "X"
        case 1: code = code.lowercased()
        case 2: code = String(code.unicodeScalars.map { s in
            Character(Unicode.Scalar(s.value + 0xFEE0) ?? s)
        })
        case 3: code += pick(["A", "1", "ｂ"], &random)
        case 4: code = String(code.dropLast())
        default: break
        }
        let marker = random.next() % 2 == 0 ? pick(creditMarkers, &random) + pick(fillerAfterMarker, &random) : ""
        return marker + code
    }

    static func licence(_ random: inout SplitMix64) -> String {
        let start = pick(["", "，", "编号：", "：", " 为", "号码"], &random)
        let body = pick(["（粤）人服证字〔2020〕第0306000123号", "440300201904050001", "粤人服证字第123号", "ABC-12",
                         "(京)人服证字[2019]第" + digits(&random, 2...12, spaced: false) + "号",
                         digits(&random, 1...30, spaced: true)], &random)
        return start + body + pick(["", "，欢迎核验", "。", " ", "\n", "！", "；"], &random)
    }

    /// Everything the extractor, the credit-code gate and the phone normaliser say about `text`, as one string.
    static func serialise(_ text: String) -> String {
        let found = EntityExtractor.extract(text)
        var out = "gate=\(EntityExtractor.mayContainCreditCode(text)) phone=\(PhoneNumber.normalise(text) ?? "-")\n"
        for mention in found.mentions {
            out += "\(mention.entity.kind.rawValue)|\(mention.entity.value)|\(mention.range)|\(mention.raw)\n"
        }
        out += "invalid\n"
        for mention in found.invalidCreditCodes {
            out += "\(mention.entity.kind.rawValue)|\(mention.entity.value)|\(mention.range)|\(mention.raw)\n"
        }
        return out
    }

    /// 64-bit FNV-1a of the UTF-8 bytes: stable across runs and platforms, unlike `Hasher`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
