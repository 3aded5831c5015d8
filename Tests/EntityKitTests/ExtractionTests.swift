import EntityKit
import Testing

@Suite("Entity extraction from real-looking Chinese text")
struct ExtractionTests {
    static func values(_ text: String, _ kind: EntityKind) -> [String] {
        EntityExtractor.extract(text).entities(of: kind).map(\.value)
    }

    @Test("mobile numbers in plain, spaced, dashed, full-width, +86 and Chinese-numeral forms", arguments: [
        ("联系电话：13812345678，非诚勿扰", "13812345678"),
        ("电话 138 1234 5678 李经理", "13812345678"),
        ("手机138-1234-5678（微信同号）", "13812345678"),
        ("请拨打１３８１２３４５６７８咨询", "13812345678"),
        ("打 +86 138 1234 5678", "13812345678"),
        ("电话幺三八 一二三四 五六七八", "13812345678"),
        ("联系壹叁捌壹贰叁肆伍陆柒捌", "13812345678"),
        ("打13812345678一直没人接", "13812345678"),
    ])
    func mobiles(text: String, expected: String) {
        #expect(Self.values(text, .phone) == [expected])
    }

    @Test("landline numbers with area codes")
    func landlines() {
        #expect(Self.values("公司电话：0755-2345 6789", .phone) == ["075523456789"])
        #expect(Self.values("座机(021)12345678转人事", .phone) == ["02112345678"])
    }

    @Test("numbers inside longer digit strings and garbage are not phones", arguments: [
        "银行卡号6222021234567890123请核对",
        "订单号202613812345678999",
        "身份证440301199001011234",
        "工资3000-5000元，2026.03.15前到岗",
        "电话12345678901",
        "电话：138123",
    ])
    func notPhones(text: String) {
        #expect(Self.values(text, .phone).isEmpty)
    }

    @Test("WeChat ids after markers, including obfuscated markers", arguments: [
        ("加微信：hr_zhang888 详聊", "hr_zhang888"),
        ("有意者加V信 HaoYun-2026", "haoyun-2026"),
        ("vx：abc12345", "abc12345"),
        ("➕ＶＸ：ＪＯＢ８８８８", "job8888"),
        ("威信号 kuaizhao_01", "kuaizhao_01"),
        ("wx 13812345678", "13812345678"),
    ])
    func wechat(text: String, expected: String) {
        #expect(Self.values(text, .wechat) == [expected])
    }

    @Test("微信同号 links the WeChat id to the phone just before")
    func sameAsPhone() {
        #expect(Self.values("电话13812345678，微信同号", .wechat) == ["13812345678"])
    }

    @Test("a bare word without a marker, or too short an id, is no WeChat id")
    func notWechat() {
        #expect(Self.values("hr_zhang888 是我们的经理", .wechat).isEmpty)
        #expect(Self.values("加微信 ab1", .wechat).isEmpty)
        #expect(Self.values("微信支付工资", .wechat).isEmpty)
    }

    @Test("QQ numbers after QQ, 扣扣 and full-width markers")
    func qq() {
        #expect(Self.values("简历发QQ：123456789", .qq) == ["123456789"])
        #expect(Self.values("加扣扣 5566 7788 9", .qq) == ["556677889"])
        #expect(Self.values("ＱＱ群：８８６６１２３", .qq) == ["8866123"])
        #expect(Self.values("QQ：0123", .qq).isEmpty)
        #expect(Self.values("qq号123456789012345", .qq).isEmpty)
    }

    @Test("company names in narratives are cut at clause words and keep their legal form")
    func companies() {
        #expect(Self.values("我在深圳市好运来劳务派遣有限公司交了押金", .company) == ["深圳市好运来劳务派遣公司"])
        #expect(Self.values("被鑫达人力资源服务(深圳)有限公司骗了", .company) == ["深圳鑫达人力资源服务公司"])
        #expect(Self.values("一家中介公司让我交钱", .company).isEmpty)
        #expect(Self.values("本公司不收任何费用", .company).isEmpty)
    }

    @Test("the same company written five ways is one entity")
    func companyFiveWays() {
        let ways = [
            "深圳市好运来劳务派遣有限公司",
            "深圳市好运来劳务派遣有限责任公司",
            "深圳市 好运来 劳务派遣 有限公司",
            "好运来劳务派遣（深圳市）有限公司",
            "深圳市好运来劳务派遣公司",
        ]
        let values = Set(ways.compactMap { EntityNormalizer.entity(.company, $0) })
        #expect(values.count == 1)
        #expect(values.first?.value == "深圳市好运来劳务派遣公司")
        #expect(EntityNormalizer.company("深圳市好运来劳务派遣有限公司（宝安分公司）") == "深圳市好运来劳务派遣公司宝安分公司")
    }

    @Test("unified social credit codes: valid ones are entities, a wrong check character is reported apart")
    func creditCodes() {
        let valid = EntityExtractor.extract("统一社会信用代码：9144030071526726XG，地址南山区")
        #expect(valid.entities(of: .creditCode).map(\.value) == ["9144030071526726XG"])
        #expect(valid.invalidCreditCodes.isEmpty)
        let wrong = EntityExtractor.extract("营业执照 信用代码 9144030071526726XA")
        #expect(wrong.entities(of: .creditCode).isEmpty)
        #expect(wrong.invalidCreditCodes.map(\.entity.value) == ["9144030071526726XA"])
        let lower = EntityExtractor.extract("税号：９１１１００００８０２１００４３３ｂ")
        #expect(lower.entities(of: .creditCode).map(\.value) == ["91110000802100433B"])
    }

    @Test("ID numbers and long codes are never taken for credit codes")
    func notCreditCodes() {
        let id = EntityExtractor.extract("身份证号440301199001011234，请保密")
        #expect(id.entities(of: .creditCode).isEmpty && id.invalidCreditCodes.isEmpty)
        let long = EntityExtractor.extract("追踪码9144030071526726XGA1")
        #expect(long.entities(of: .creditCode).isEmpty && long.invalidCreditCodes.isEmpty)
        #expect(CreditCode.isValid("91110000802100433B"))
        #expect(!CreditCode.isValid("91110000802100433C"))
        #expect(!CreditCode.isValid("9111000080210043IB"))
    }

    @Test("人力资源服务许可证 numbers where stated")
    func licences() {
        let text = "本公司持有人力资源服务许可证，编号：（粤）人服证字〔2020〕第0306000123号，欢迎核验"
        #expect(Self.values(text, .licence) == ["(粤)人服证字(2020)第0306000123号"])
        #expect(Self.values("许可证号 440300201904050001", .licence) == ["440300201904050001"])
        #expect(Self.values("有人力资源服务许可证", .licence).isEmpty)
    }

    @Test("mention ranges are UTF-8 byte ranges of the source text")
    func byteRanges() throws {
        let text = "电话：138 1234 5678"
        let mention = try #require(EntityExtractor.extract(text).mentions.first)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[mention.range], as: UTF8.self) == "138 1234 5678")
        #expect(mention.raw == "138 1234 5678")
    }

    @Test("contact values are masked for display, company names are not")
    func masking() {
        #expect(Entity(kind: .phone, value: "13812345678").display(masked: true) == "138******78")
        #expect(Entity(kind: .company, value: "好运来公司").display(masked: true) == "好运来公司")
    }
}
