import Scanning
import Testing

/// The byte-level field reader: keys compared as bytes, skipped values never decoded, strings scanned eight bytes
/// at a time. Each case puts the interesting byte at many offsets so that it falls in every lane of a word.
@Suite("Byte-level JSON field reader")
struct ByteLevelReaderTests {
    func decode(_ bytes: [UInt8], mapping: FieldMapping = FieldMapping(), extras: [String] = []) -> Result<Posting, InputProblem> {
        PostingDecoder(mapping: mapping, extras: extras).decode(.json(line: 3, bytes: bytes))
    }

    func decode(_ line: String, mapping: FieldMapping = FieldMapping(), extras: [String] = []) -> Result<Posting, InputProblem> {
        decode(Array(line.utf8), mapping: mapping, extras: extras)
    }

    @Test("quotes, backslashes and escapes at every offset of a word, in decoded and in skipped strings",
          arguments: 0..<17)
    func offsets(padding: Int) throws {
        let pad = String(repeating: "押", count: padding / 3) + String(repeating: "a", count: padding % 3)
        let skipped = pad + #"x\\\"y\\"#
        let line = #"{"other":""# + skipped + #"","title":""# + pad + #"\"q\\\n","description":""# + pad + #""}"#
        let posting = try decode(line).get()
        #expect(posting.subject.text(of: "title") == pad + "\"q\\\n")
        #expect(posting.subject.text(of: "description") == pad)
    }

    @Test("after an escape, plain runs of any length are copied whole; a raw control byte or a missing quote is malformed")
    func runsAfterEscapes() throws {
        let run = String(repeating: "押金a", count: 40)
        let line = #"{"description":"\n"# + run + #"\t"# + run + #"\u0041"# + run + #"\\"}"#
        #expect(try decode(line).get().subject.text(of: "description") == "\n" + run + "\t" + run + "A" + run + "\\")
        let control = Array(#"{"description":"a\n押金"#.utf8) + [0x09] + Array(#"b"}"#.utf8)
        if case .success = decode(control) { Issue.record("raw control byte after an escape accepted") }
        if case .success = decode(#"{"description":"a\n押金"#) { Issue.record("unterminated string accepted") }
    }

    @Test("a key written with escapes still matches its field; the last of duplicate keys wins; null clears")
    func keys() throws {
        let posting = try decode(#"{"t\u0069tle":"A","description":"first","description":"second","company":"c","company":null}"#).get()
        #expect(posting.subject.text(of: "title") == "A")
        #expect(posting.subject.text(of: "description") == "second")
        #expect(posting.subject.text(of: "company") == "")
    }

    @Test("invalid UTF-8 in any key is reported; in a skipped value it is not (as before)")
    func invalidBytes() {
        var badKey = Array(#"{"ok":"1",""#.utf8) + [0xC3, 0x28] + Array(#"":"x","id":"a"}"#.utf8)
        if case .success = decode(badKey) { Issue.record("invalid key accepted") }
        badKey = Array(#"{"id":"a","note":""#.utf8) + [0xFF] + Array(#"","title":"t"}"#.utf8)
        #expect((try? decode(badKey).get())?.subject.text(of: "title") == "t")
        let badValue = Array(#"{"id":"a","title":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8)
        guard case .failure(let problem) = decode(badValue) else {
            Issue.record("invalid value accepted")
            return
        }
        #expect(problem.line == 3 && problem.message.contains("UTF-8"))
    }

    @Test("unterminated strings and containers in skipped values are malformed", arguments: [
        #"{"x":"abc\"}"#, #"{"x":{"a":"}"}"#, #"{"x":["]"}"#, #"{"x":"\\\"}"#,
    ])
    func unterminated(line: String) {
        if case .success = decode(line) { Issue.record("accepted: \(line)") }
    }

    @Test("mapped and extra fields read their own input keys; a key both maps and is an extra")
    func mappingAndExtras() throws {
        let mapping = try FieldMapping(parsing: "title=description,id=job_id")
        let line = #"{"job_id":7,"description":"日结","title":"ignored","label":"description"}"#
        let posting = try decode(line, mapping: mapping, extras: ["label", "description"]).get()
        #expect(posting.subject.id == "7")
        #expect(posting.subject.text(of: "title") == "日结")
        #expect(posting.subject.text(of: "description") == "日结")
        #expect(posting.extras["label"] == "description")
        #expect(posting.extras["description"] == "日结")
    }
}
