import Testing
@testable import CaseCore

@Suite("Masking")
struct MaskingTests {
    @Test("phones keep the first 3 and last 4 digits")
    func phone() {
        #expect(Masking.phone("13812345678") == "138****5678")
        #expect(Masking.phone("021-12345678") == "021*****5678")
    }

    @Test("ID numbers keep the first 4 and last 4 characters")
    func idNumber() {
        #expect(Masking.idNumber("33010219900101123X") == "3301**********123X")
        #expect(Masking.idNumber("330102900101123") == "3301*******1123")
    }

    @Test("names keep the first character", arguments: [
        ("张三", "张*"), ("欧阳娜娜", "欧***"), ("Alice Wong", "A***"), ("bob", "b***"), ("李", "*"),
        (" 王五 ", "王*"), ("", ""),
    ])
    func name(text: String, masked: String) {
        #expect(Masking.name(text) == masked)
    }

    @Test("malformed or short values are masked completely", arguments: ["", "1", "1381234", "abcdefghij"])
    func shortValues(text: String) {
        #expect(Masking.phone(text) == String(repeating: "*", count: text.count))
        #expect(Masking.idNumber(text) == String(repeating: "*", count: text.count))
    }

    @Test("a masked party hides name, phone, ID number and contact")
    func party() {
        let party = Party(role: .complainant, name: "欧阳娜娜", phone: "13812345678", idNumber: "33010219900101123X",
                          contact: "wechat_abc")
        let masked = party.masked()
        #expect(masked == Party(role: .complainant, name: "欧***", phone: "138****5678",
                                idNumber: "3301**********123X", contact: "w***"))
        #expect(Party(role: .respondent, name: "某公司").masked().phone == nil)
    }
}

@Suite("Masking for display")
struct DisplayMaskingTests {
    @Test("an organisation respondent keeps its name; people and all numbers are masked")
    func organisationNamesStay() {
        let company = Party(role: .respondent, type: .intermediary, name: "某某人力资源有限公司", phone: "13987654321")
        #expect(company.maskedForDisplay().name == "某某人力资源有限公司")
        #expect(company.maskedForDisplay().phone == "139****4321")
        let person = Party(role: .respondent, type: .person, name: "王五", phone: "13987654321")
        #expect(person.maskedForDisplay().name == "王*")
        let caller = Party(role: .complainant, type: .employer, name: "李四")
        #expect(caller.maskedForDisplay().name == "李*")
    }
}
