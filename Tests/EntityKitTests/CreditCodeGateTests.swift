import EntityKit
import Testing
import SeededRandom

@Suite("The cheap credit-code gate never hides a code the extractor would report")
struct CreditCodeGateTests {
    static let withCodes = [
        "统一社会信用代码：9144030071526726XG，地址南山区",
        "营业执照 信用代码 9144030071526726XA",
        "代码：９１４４０３００７１５２６７２６ＸＧ全角",
        "91110000802100433b在句首",
        "结尾是代码9144030071526726XG",
        "税号91440300715267261X",
    ]
    static let withoutCodes = [
        "", "招聘普工，月薪5000元，包吃住", "银行卡号6222021234567890123请核对（19位）",
        "短代码9144030071526726X（17位）", "联系１３８１２３４５６７８", "ABCDEFGHIJKLMNOPQ", "全角ＡＢＣ一二三",
    ]

    @Test("texts holding an 18-character code pass the gate", arguments: withCodes)
    func passes(text: String) {
        #expect(EntityExtractor.mayContainCreditCode(text))
    }

    @Test("texts without one are stopped, and the extractor agrees", arguments: withoutCodes)
    func stops(text: String) {
        #expect(!EntityExtractor.mayContainCreditCode(text))
        let found = EntityExtractor.extract(text)
        #expect(found.entities(of: .creditCode).isEmpty && found.invalidCreditCodes.isEmpty)
    }

    @Test("the gate answers as a character-by-character count of maximal runs would (generated texts)")
    func sameAsCountingEveryCharacter() {
        let pieces = ["9144030071526726XG", "91440300715267", "ＸＧ", "９１４４", "信用代码", "岗位职责", "1、", "a", "Z", "-",
                      "，", " ", "8", "é", "😀", "２０", "ABCDEFGHIJ"]
        func isCode(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
            default: false
            }
        }
        var generator = SplitMix64(seed: 23)
        var open = 0
        for _ in 0..<5_000 {
            let text = (0..<Int(generator.next() % 12)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined()
            var run = 0
            var expected = false
            for scalar in text.unicodeScalars {
                if isCode(scalar) { run += 1 } else { expected = expected || run == 18; run = 0 }
            }
            expected = expected || run == 18
            if expected { open += 1 }
            #expect(EntityExtractor.mayContainCreditCode(text) == expected, "\(text)")
        }
        #expect(open > 200)
    }

    @Test("generated mixes: whenever the extractor reports a code, valid or not, the gate lets the text through")
    func neverHides() {
        let pieces = ["9144030071526726XG", "9144030071526726XA", "９１４４０３００７１５２６７２６ＸＧ", "信用代码", "税号：",
                      "1", "Ａ", "有限公司", " ", "，", "x", "4403011990010112", "34"]
        var generator = SplitMix64(seed: 7)
        var checked = 0
        for _ in 0..<3_000 {
            let text = (0..<Int(generator.next() % 6 + 1)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined()
            let found = EntityExtractor.extract(text)
            let reported = !found.entities(of: .creditCode).isEmpty || !found.invalidCreditCodes.isEmpty
            if reported { checked += 1 }
            #expect(!reported || EntityExtractor.mayContainCreditCode(text), "\(text)")
        }
        #expect(checked > 100)
    }
}
