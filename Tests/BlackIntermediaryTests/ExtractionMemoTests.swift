@testable import BlackIntermediary
import EntityKit
import RuleKit
import Testing

@Suite("Extraction memo (ADR 0024)")
struct ExtractionMemoTests {
    /// A long company introduction naming a company and a phone number (at least 256 bytes, so the memo keeps it).
    static func intro(phone: String) -> String {
        "深圳市好运来劳务派遣有限公司成立于二〇一五年，专业从事人力资源外包与劳务派遣服务，"
            + String(repeating: "我们为合作企业输送普工、技工与仓储人员，服务周到，", count: 4)
            + "联系电话 \(phone)。"
    }

    @Test("a repeated long field gets the extraction of its text; same-length texts that differ keep their own")
    func repeatedAndDifferingTexts() {
        let memo = ExtractionMemo()
        let first = SubjectField(name: "companyIntro", text: Self.intro(phone: "13812345678"))
        let other = SubjectField(name: "companyIntro", text: Self.intro(phone: "13987654321"))
        #expect(first.text.utf8.count >= ExtractionMemo.minimumLength)
        #expect(first.text.utf8.count == other.text.utf8.count)
        let fresh = EntityExtractor.extract(first.text)
        #expect(fresh.entities.contains(Entity(kind: .phone, value: "13812345678")))
        #expect(memo.extraction(of: first) == fresh)
        #expect(memo.extraction(of: first) == fresh)  // from the memo now
        // Same name and length, one phone digit run apart: its own entities, never the kept ones.
        let otherFresh = EntityExtractor.extract(other.text)
        #expect(otherFresh != fresh)
        #expect(memo.extraction(of: other) == otherFresh)
        #expect(memo.extraction(of: first) == fresh)
        // The same text under another field name is extracted on its own and gives the same entities.
        #expect(memo.extraction(of: SubjectField(name: "description", text: first.text)) == fresh)
    }

    @Test("a short field is extracted every time (not kept) and still gives the fresh extraction")
    func shortField() {
        let memo = ExtractionMemo()
        let field = SubjectField(name: "contact", text: "联系电话 13812345678")
        #expect(field.text.utf8.count < ExtractionMemo.minimumLength)
        #expect(memo.extraction(of: field) == EntityExtractor.extract(field.text))
    }

    @Test("past its capacity the oldest texts are dropped; every answer is still the fresh extraction")
    func eviction() {
        let memo = ExtractionMemo()
        let fields = (0..<(ExtractionMemo.capacity + 5)).map { k in
            SubjectField(name: "companyIntro", text: Self.intro(phone: "138\(10_000_000 + k)"))
        }
        for _ in 0..<2 {
            for field in fields { #expect(memo.extraction(of: field) == EntityExtractor.extract(field.text)) }
        }
    }
}
