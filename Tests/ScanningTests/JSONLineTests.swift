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
