import Testing
@testable import CaseCore

@Suite("Party validation")
struct PartyValidationTests {
    static let today = Fixtures.day("2026-11-29")

    @Test("mainland mobile numbers in common spellings normalise to 11 digits",
          arguments: ["13812345678", "+86 138-1234-5678", "138 1234 5678", "１３８１２３４５６７８", "0086 13812345678",
                      "8613812345678", "(+86) 138.1234.5678", "＋８６　１３８－１２３４－５６７８"])
    func validMobile(text: String) throws {
        #expect(try PartyValidation.normaliseMobile(text) == "13812345678")
    }

    @Test("every mobile prefix 13 to 19 is accepted", arguments: 3...9)
    func mobilePrefixes(second: Int) throws {
        #expect(try PartyValidation.normaliseMobile("1\(second)912345678") == "1\(second)912345678")
    }

    @Test("bad mobile numbers are refused with the reason", arguments: [
        ("1381234567", PartyValidationError.phoneWrongLength(field: "phone", digits: 10)),
        ("138123456789", .phoneWrongLength(field: "phone", digits: 12)),
        ("12812345678", .phoneNotMobile(field: "phone")),
        ("23812345678", .phoneNotMobile(field: "phone")),
        ("010-12345678", .phoneNotMobile(field: "phone")),
        ("138-1234-567a", .phoneInvalidCharacters(field: "phone")),
        ("+1 415 555 0100", .phoneInvalidCharacters(field: "phone")),
        ("---", .phoneInvalidCharacters(field: "phone")),
    ])
    func invalidMobile(text: String, error: PartyValidationError) {
        #expect(throws: error) { try PartyValidation.normaliseMobile(text) }
    }

    @Test("valid resident ID numbers pass and normalise to upper-case ASCII", arguments: [
        ("330102199001011234", "330102199001011234"),
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),
        ("110105 19491231 002X", "11010519491231002X"),
        ("440304200002290014", "440304200002290014"),
        ("110101202611290012", "110101202611290012"),
    ])
    func validID(text: String, normalised: String) throws {
        #expect(try PartyValidation.normaliseIDNumber(text, today: Self.today) == normalised)
    }

    @Test("bad resident ID numbers are refused with the reason", arguments: [
        ("33010219900101123", PartyValidationError.idWrongLength(field: "idNumber", length: 17)),
        ("3301021990010112345", .idWrongLength(field: "idNumber", length: 19)),
        ("33010219900101123Y", .idInvalidCharacters(field: "idNumber")),
        ("3301021990010112X4", .idInvalidCharacters(field: "idNumber")),
        ("330102199001011235", .idBadCheckCharacter(field: "idNumber", expected: "4")),
        ("110105194912310029", .idBadCheckCharacter(field: "idNumber", expected: "X")),
        ("110101202602290010", .idInvalidBirthDate(field: "idNumber")),
        ("110101199013010015", .idInvalidBirthDate(field: "idNumber")),
        ("11010118991231001X", .idInvalidBirthDate(field: "idNumber")),
        ("110101202611300014", .idBirthDateInFuture(field: "idNumber")),
    ])
    func invalidID(text: String, error: PartyValidationError) {
        #expect(throws: error) { try PartyValidation.normaliseIDNumber(text, today: Self.today) }
    }

    @Test("the check character follows GB 11643 for every remainder")
    func checkCharacters() {
        // Computed by hand with weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2.
        let cases: [(String, Character)] = [
            ("11010119800101001", "0"), ("11010119800101002", "9"), ("11010119800101003", "7"),
            ("11010119800101004", "5"), ("11010119800101005", "3"), ("11010119800101006", "1"),
            ("11010519491231002", "X"), ("33010219900101123", "4"), ("33010219900101124", "2"),
        ]
        for (digits, check) in cases {
            #expect(PartyValidation.idCheckCharacter(forFirst17: digits) == check)
        }
        #expect(PartyValidation.idCheckCharacter(forFirst17: "1101011980010100") == nil)
        #expect(PartyValidation.idCheckCharacter(forFirst17: "1101011980010100X") == nil)
    }

    @Test("validate trims the name, normalises phone and ID, and turns empty fields into nil")
    func validateParty() throws {
        let input = Party(role: .complainant, name: "  张三 ", phone: "+86 138-1234-5678",
                          idNumber: "11010519491231002x", contact: "  ")
        let party = try PartyValidation.validate(input, path: "complainant", today: Self.today)
        #expect(party == Party(role: .complainant, name: "张三", phone: "13812345678",
                               idNumber: "11010519491231002X", contact: nil))
        let blank = try PartyValidation.validate(Party(role: .respondent, type: .employer, name: "某公司", phone: "",
                                                       idNumber: " "), path: "respondents[0]", today: Self.today)
        #expect(blank.phone == nil && blank.idNumber == nil && blank.type == .employer)
    }

    @Test("validate names the field path of the problem")
    func validateNamesField() {
        #expect(throws: PartyValidationError.nameRequired(field: "complainant.name")) {
            try PartyValidation.validate(Party(role: .complainant, name: " \n"), path: "complainant", today: Self.today)
        }
        #expect(throws: PartyValidationError.nameTooLong(field: "respondents[1].name", length: 201, limit: 200)) {
            try PartyValidation.validate(Party(role: .respondent, name: String(repeating: "某", count: 201)),
                                         path: "respondents[1]", today: Self.today)
        }
        #expect(throws: PartyValidationError.phoneWrongLength(field: "complainant.phone", digits: 7)) {
            try PartyValidation.validate(Party(role: .complainant, name: "李四", phone: "1381234"),
                                         path: "complainant", today: Self.today)
        }
        #expect(throws: PartyValidationError.idBadCheckCharacter(field: "complainant.idNumber", expected: "4")) {
            try PartyValidation.validate(Party(role: .complainant, name: "李四", idNumber: "330102199001011230"),
                                         path: "complainant", today: Self.today)
        }
    }

    @Test("messages name the field in both languages and never repeat the value")
    func messages() {
        let error = PartyValidationError.idBadCheckCharacter(field: "complainant.idNumber", expected: "X")
        #expect(error.message(.zh).hasPrefix("complainant.idNumber：") && error.message(.zh).contains("X"))
        #expect(error.message(.en).hasPrefix("complainant.idNumber:") && error.message(.en).contains("X"))
        let length = PartyValidationError.phoneWrongLength(field: "complainant.phone", digits: 10)
        #expect(length.message(.en).contains("10") && length.field == "complainant.phone")
    }
}
