import PCRE2
import PatternPack
import Testing

@Suite("Pattern macros")
struct MacroTests {
    func matches(_ pattern: String, _ text: String) throws -> Bool {
        let expanded = try MacroExpander().expand(pattern)
        return try Pattern(expanded).firstMatch(in: text, scratch: MatchScratch()) != nil
    }

    @Test("{{wechat}} finds the disguises", arguments: ["加微信", "薇信号", "V信", "vx：abc", "WX号", "加v聊", "卫星号"])
    func wechat(text: String) throws {
        #expect(try matches("{{wechat}}", text))
    }

    @Test("{{wechat}} leaves Latin words and 卫星 alone", arguments: ["wxyz", "avxb", "卫星电视"])
    func wechatNot(text: String) throws {
        #expect(try !matches("{{wechat}}", text))
    }

    @Test("{{num}} and {{digit}} read Chinese and full-width numerals", arguments: ["三万", "１２００", "叁佰", "两千"])
    func numbers(text: String) throws {
        #expect(try matches("^{{num}}$", text))
    }

    @Test("{{spaced:…}} allows separators between characters", arguments: ["押金", "押 金", "押-金", "押·金"])
    func spaced(text: String) throws {
        #expect(try matches("{{spaced:押金}}", text))
    }

    @Test("{{gap:N}} stops at a sentence end")
    func gap() throws {
        #expect(try matches("交{{gap:4}}押金", "交一点押金"))
        #expect(try !matches("交{{gap:4}}押金", "交。押金"))
    }

    @Test("file macros may use built-ins; unknown macros and bad arguments are errors")
    func fileMacros() throws {
        let expander = MacroExpander(fileMacros: ["fee": "(?:押金|{{spaced:保证金}})"])
        #expect(try expander.expand("{{fee}}").contains("保"))
        #expect(throws: MacroExpander.Failure.self) { try expander.expand("{{nope}}") }
        #expect(throws: MacroExpander.Failure.self) { try expander.expand("{{gap:x}}") }
        #expect(throws: MacroExpander.Failure.self) { try MacroExpander(fileMacros: ["a": "{{a}}"]).expand("{{a}}") }
    }
}
