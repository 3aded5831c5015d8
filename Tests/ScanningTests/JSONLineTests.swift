import RuleKit
import Scanning
import Testing

@Suite("Decoding JSON lines")
struct JSONLineTests {
    func decode(_ line: String) -> Result<Posting, InputProblem> {
        PostingDecoder(extras: ["label"]).decode(.json(line: 1, bytes: Array(line.utf8)))
    }

    @Test("decoding a sequence with memory gives what decoding each line alone gives, and reuses repeated values (ADR 0026)")
    func sequenceMemory() throws {
        let intro = String(repeating: "本公司专业从事人力资源服务，", count: 30)
        let lines: [[UInt8]] = [
            Array(#"{"id":"a","title":"店员","description":"\#(intro)","company":"好运来"}"#.utf8),
            // The same description again (plain), another title; then an escaped description repeated.
            Array(#"{"id":"b","title":"理货员","description":"\#(intro)","company":"好运来"}"#.utf8),
            Array(#"{"id":"c","title":"店员","description":"押\u91d1\n\#(intro)"}"#.utf8),
            Array(#"{"id":"d","title":"店员","description":"押\u91d1\n\#(intro)"}"#.utf8),
            // Invalid UTF-8 of the same length as the value before it: refused, never taken for the earlier text.
            Array(#"{"id":"e","title":""#.utf8) + [0xE5, 0xBA, 0x97, 0xFF, 0xFF, 0xFF] + Array(#""}"#.utf8),
            Array(#"{"id":"f","title":"店员","description":"#.utf8) + [0x6E, 0x75, 0x6C, 0x6C] + Array("}".utf8),
            Array(#"{"id":"g","title":"店员","description":"\#(intro)"}"#.utf8),
            Array("not json".utf8),
            Array(#"{"id":"h","title":"店员","description":"\#(intro)","company":"好运来"}"#.utf8),
        ]
        let decoder = PostingDecoder(extras: ["label"])
        var memory = PostingDecoder.Memory()
        var decoded: [Result<Posting, InputProblem>] = []
        for (index, bytes) in lines.enumerated() {
            let record = InputRecord.json(line: index + 1, bytes: bytes)
            let alone = decoder.decode(record)
            let inSequence = decoder.decode(record, memory: &memory)
            switch (alone, inSequence) {
            case (.success(let a), .success(let b)):
                #expect(a.subject == b.subject && a.extras == b.extras && a.line == b.line, "line \(index + 1)")
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "line \(index + 1)")
            default:
                Issue.record("line \(index + 1): \(alone) against \(inSequence)")
            }
            decoded.append(inSequence)
        }
        // The same storage, not an equal copy: the value was reused, not validated and copied again.
        func storage(_ result: Result<Posting, InputProblem>, _ field: String) throws -> UnsafePointer<UInt8>? {
            try result.get().subject.text(of: field)?.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
                ?? nil
        }
        #expect(try storage(decoded[0], "description") == storage(decoded[1], "description"))
        #expect(try storage(decoded[0], "company") == storage(decoded[1], "company"))
        #expect(try storage(decoded[2], "description") == storage(decoded[3], "description"))
        // Past a refused line, from the last record decoded; a fresh memory (another chunk) remembers nothing.
        #expect(try storage(decoded[6], "description") == storage(decoded[8], "description"))
        var fresh = PostingDecoder.Memory()
        let again = decoder.decode(.json(line: 1, bytes: lines[0]), memory: &fresh)
        #expect(try storage(again, "description") != storage(decoded[0], "description"))
        if case .success = decoded[4] { Issue.record("invalid UTF-8 accepted after a valid value of its length") }
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

    @Test("an array or object in a field that is read becomes the strings inside it, decoded, one per line")
    func containerValues() throws {
        let line = #"{"id":"a","description":["先交押金500元", {"联系":"微信"}, 3, "\u5237\u5355 \"x\""],"title":{},"label":[1]}"#
        let posting = try decode(line).get()
        #expect(posting.subject.text(of: "description") == "先交押金500元\n联系\n微信\n刷单 \"x\"")
        #expect(posting.subject.text(of: "title") == "")
        #expect(posting.extras["label"] == "")
        // The rest of the line is read as before.
        #expect(try decode(#"{"description":["a"],"id":"z"}"#).get().subject.id == "z")
        // Invalid UTF-8 inside is refused at its byte, as in a string.
        let bytes = Array(#"{"id":"b","description":["#.utf8) + [0x22, 0xE5, 0xFF, 0x22] + Array("]}".utf8)
        guard case .failure(let problem) = PostingDecoder().decode(.json(line: 3, bytes: bytes)) else {
            Issue.record("invalid UTF-8 inside an array was accepted")
            return
        }
        #expect(problem.message.contains("invalid UTF-8"), "\(problem.message)")
        #expect(problem.message.contains("at byte 26"), "\(problem.message)")  // the lead byte 0xE5
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
