import RuleKit
import Scanning
import Testing

@Suite("Decoding JSON lines")
struct JSONLineTests {
    func decode(_ line: String) -> Result<Posting, InputProblem> {
        PostingDecoder(extras: ["label"]).decode(.json(line: 1, bytes: Array(line.utf8)))
    }

    @Test("escapes, surrogate pairs and nested values are handled")
    func escapes() throws {
        let line = #"{"nested":{"a":[1,"}"]},"id":"x\"y","description":"押\u91d1\n\ud83d\ude00","label":1.5e0,"title":false}"#
        let posting = try decode(line).get()
        #expect(posting.subject.id == "x\"y")
        #expect(posting.subject.text(of: "description") == "押金\n😀")
        #expect(posting.subject.text(of: "title") == "false")
        #expect(posting.extras["label"] == "1.5e0")
    }

    @Test("a posting without an id, or with an empty or null one, is known by its line number; the id is no field")
    func fallbackID() throws {
        let decoder = PostingDecoder()
        func id(_ line: String, at number: Int) throws -> String {
            try decoder.decode(.json(line: number, bytes: Array(line.utf8))).get().subject.id
        }
        let ids = try [(#"{"title":"a"}"#, 7), (#"{"id":"","title":"a"}"#, 8), (#"{"id":null,"title":"a"}"#, 9),
                       (#"{"id":42,"title":"a"}"#, 10)].map { try id($0.0, at: $0.1) }
        #expect(ids == ["#7", "#8", "#9", "42"])
        let posting = try decoder.decode(.json(line: 1, bytes: Array(#"{"id":"p1","title":"a"}"#.utf8))).get()
        #expect(posting.subject.id == "p1")
        #expect(!posting.subject.fields.contains { $0.name == "id" })
        #expect(posting.subject.fields.map(\.name).contains("title"))
        #expect(!posting.subject.fields.contains { $0.isID })
        #expect(SubjectField(name: "id", text: "x").isID)
        #expect(!SubjectField(name: "ID", text: "x").isID && !SubjectField(name: "idx", text: "x").isID)
        #expect(!SubjectField(name: "i", text: "x").isID && !SubjectField(name: "", text: "x").isID)
    }

    @Test("a refused line's message names the byte, the field being read and the fault, never the content",
          arguments: [
              (#"{"id":"1","description":"a\ud800b"}"#, #"malformed JSON in "description" at byte 26: unpaired surrogate"#),
              (#"{"id":"1","description":"x\uZZZZ"}"#, #"malformed JSON in "description" at byte 26: invalid \u escape"#),
              (#"{"id":"1", "title": "open"#, #"malformed JSON in "title" at byte 20: string not closed"#),
              ("[1]", "malformed JSON at byte 0: not an object"),
              (#"{"id":"7"} x"#, "malformed JSON at byte 11: more after the object"),
              ("{\"title\":\"a\tb\"}", #"malformed JSON in "title" at byte 11: control character"#),
              (#"{"title":"\q"}"#, #"malformed JSON in "title" at byte 10: invalid escape"#),
              (#"{"id" "x"}"#, "malformed JSON at byte 6: expected : after a key"),
              (#"{"n":[1,2],"id":"a" "title":"b"}"#, "malformed JSON at byte 20: expected , or } after a value"),
              (#"{"n":tru}"#, "malformed JSON at byte 5: invalid value"),
              (#"{"n":[1,2"#, "malformed JSON at byte 5: array or object not closed"),
          ])
    func placeOfFault(line: String, expected: String) {
        guard case .failure(let problem) = decode(line) else {
            Issue.record("accepted: \(line)")
            return
        }
        #expect(problem.line == 1)
        #expect(problem.message.hasPrefix(expected), "\(problem.message)")
        #expect(problem.message.hasSuffix("(skipped)"))
    }

    @Test("invalid UTF-8 is reported at its byte in the line, after escapes too, and in keys")
    func placeOfInvalidUTF8() {
        let cases: [([UInt8], String)] = [
            (Array(#"{"id":"a","title":"ok"#.utf8) + [0xFF] + Array(#""}"#.utf8), #"invalid UTF-8 in "title" at byte 21"#),
            (Array(#"{"title":"\n押"#.utf8) + [0xE6, 0x28] + Array(#""}"#.utf8), #"invalid UTF-8 in "title" at byte 15"#),
            (Array(#"{"ti"#.utf8) + [0xC3, 0x28] + Array(#"":"x"}"#.utf8), "invalid UTF-8 at byte 4"),
        ]
        for (bytes, expected) in cases {
            guard case .failure(let problem) = PostingDecoder().decode(.json(line: 2, bytes: bytes)) else {
                Issue.record("accepted: \(expected)")
                continue
            }
            #expect(problem.line == 2)
            #expect(problem.message == expected + " (skipped)")
        }
    }

    @Test("malformed lines are refused", arguments: [
        "{", "[1,2]", #"{"id":"a"} x"#, #"{"id":}"#, #"{"id":"a",}"#, #"{"id":"\x"}"#, "",
    ])
    func malformed(line: String) {
        guard case .failure = decode(line) else {
            Issue.record("accepted: \(line)")
            return
        }
    }
}
