import EntityKit
import Testing

/// Edges of the byte-level shortcuts: the credit-code gate's look-ahead, the 40-scalar company window, runs at the
/// very start and end of a text.
@Suite("Extraction at the edges of windows and look-aheads")
struct WindowEdgeTests {
    static let code = "9144030071526726XG"

    @Test("an 18-character code after any prefix opens the gate; 17 or 19 characters do not", arguments: 0..<24)
    func gateAfterPrefix(length: Int) {
        for filler in ["中", "a-", "，", "😀"] {
            let prefix = String(repeating: filler, count: length)
            for suffix in ["", "中", "，好的", String(repeating: "华", count: 20)] {
                #expect(EntityExtractor.mayContainCreditCode(prefix + Self.code + suffix), "\(length) \(filler)")
                #expect(!EntityExtractor.mayContainCreditCode(prefix + Self.code.dropLast() + suffix))
                #expect(!EntityExtractor.mayContainCreditCode(prefix + Self.code + "1" + suffix))
            }
        }
    }

    @Test("a full-width code among ideographs opens the gate")
    func fullWidthGate() {
        #expect(EntityExtractor.mayContainCreditCode("统一社会信用代码９１４４０３００７１５２６７２６ＸＧ，地址"))
        #expect(!EntityExtractor.mayContainCreditCode("统一社会信用代码９１４４０３００７１５２６７２６Ｘ，地址"))
    }

    @Test("a company name is read back at most 40 characters from 公司")
    func companyWindow() throws {
        let text = String(repeating: "华", count: 45) + "有限公司"
        let mention = try #require(EntityExtractor.extract(text).mentions.first)
        #expect(mention.entity.value == String(repeating: "华", count: 38) + "公司")
        #expect(mention.range == 21..<text.utf8.count)
        #expect(mention.raw == String(repeating: "华", count: 38) + "有限公司")
    }

    @Test("names and numbers touching the start and the end of the text")
    func textEdges() {
        let found = EntityExtractor.extract("好运来劳务有限公司电话13812345678")
        #expect(found.mentions.map(\.entity.description) == ["company:好运来劳务公司", "phone:13812345678"])
        #expect(found.mentions.map(\.range) == [0..<27, 33..<44])
        #expect(EntityExtractor.extract("公司").mentions.isEmpty)
        #expect(EntityExtractor.extract("1381234567").mentions.isEmpty)
    }
}
