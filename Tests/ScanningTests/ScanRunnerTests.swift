import Foundation
import PatternPack
import RuleKit
import Scanning
import Testing

@Suite("Scan runner")
struct ScanRunnerTests {
    static let fixture = Support.here.appendingPathComponent("Fixtures/postings.jsonl")
    static let golden = Support.here.appendingPathComponent("Fixtures/scan.golden.jsonl")

    @Test("JSONL output of the fixture scan matches the golden file (UPDATE_GOLDEN=1 rewrites it)")
    func goldenOutput() throws {
        let input = try [UInt8](Data(contentsOf: Self.fixture))
        let (lines, problems, summary) = try Support.scan(input)
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: Self.golden)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(text == expected, "out of date: run UPDATE_GOLDEN=1 swift test --filter ScanningTests")
        #expect(problems.map(\.line) == [4])
        #expect(summary.postings == 6)
        #expect(summary.malformed == 1)
    }

    @Test("results come back in input order whatever the worker count", arguments: [1, 2, 5])
    func order(jobs: Int) throws {
        let input = (1...200).map { "{\"id\":\"n\($0)\",\"description\":\"\($0 % 3 == 0 ? "需交押金" : "店员")\"}" }
        let (lines, _, summary) = try Support.scan(Array(input.joined(separator: "\n").utf8), jobs: jobs, chunkSize: 3)
        let ids = lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (1...200).map { "n\($0)" })
        #expect(summary.verdicts[.suspicious] == 66)
    }

    @Test("naive and prefilter engines give identical output on the fixture scan")
    func enginesAgree() throws {
        let input = try [UInt8](Data(contentsOf: Self.fixture))
        #expect(try Support.scan(input, engine: .naive).lines == Support.scan(input, engine: .prefilter).lines)
    }

    @Test("strict mode aborts at the first malformed line")
    func strict() throws {
        let input = Array("{\"id\":\"a\"}\n{oops\n{\"id\":\"c\"}\n".utf8)
        #expect(throws: ScanAbort.self) { try Support.scan(input, strict: true) }
    }

    @Test("empty input scans zero postings and exits 0")
    func emptyInput() throws {
        let (lines, problems, summary) = try Support.scan([])
        #expect(lines.isEmpty && problems.isEmpty)
        #expect(summary.postings == 0)
        #expect(FailOn.exitCode(summary, failOn: .suspicious) == 0)
    }

    @Test("the exit code is 1 once a posting reaches --fail-on")
    func exitCodes() {
        var summary = ScanSummary()
        summary.verdicts = [.clean: 3, .suspicious: 1]
        #expect(FailOn.exitCode(summary, failOn: .suspicious) == 1)
        #expect(FailOn.exitCode(summary, failOn: .likely) == 0)
        #expect(FailOn.exitCode(summary, failOn: nil) == 0)
        summary.verdicts[.likelyFraud] = 1
        #expect(FailOn.exitCode(summary, failOn: .likely) == 1)
    }

    @Test("JSON strings are escaped")
    func escaping() {
        var out = ""
        ScanJSON.appendString("a\"b\\c\nd\u{1}", to: &out)
        #expect(out == #""a\"b\\c\nd\u0001""#)
    }

    @Test("an output line escapes ids, messages, excerpts and errors like appendString, and reads back",
          arguments: ["入职前需交押金300元", "e\u{301}🇨🇳 ok", "", "押金\t\"保证金\"\\", "line\r\nbreak\u{7}", "\u{1F}x"])
    func lineEscaping(_ text: String) throws {
        let finding = Finding(
            module: "m", rule: "m.r\(text)", severity: .high, score: -3, message: LocalizedText(zh: text, en: "en " + text),
            evidence: [Evidence(field: "f\(text)", start: 0, end: 12, excerpt: text)], incubator: true)
        let bare = Finding(module: "m", rule: "m.bare", severity: .low, score: 1, message: LocalizedText(zh: "无", en: "none"))
        let evaluation = Evaluation(findings: [finding, bare], score: -2, verdict: .suspicious,
                                    failures: [ModuleFailure(module: "x", message: text)])
        let outcome = ScanOutcome(line: 1, id: text, evaluation: evaluation, extras: [:],
                                  subject: Subject(kind: .jobPosting, id: text, fields: []))
        let line = ScanJSON.line(outcome, language: "zh")
        func quoted(_ value: String) -> String {
            var out = ""
            ScanJSON.appendString(value, to: &out)
            return out
        }
        let expected = "{\"id\":\(quoted(text)),\"verdict\":\"suspicious\",\"score\":-2,\"findings\":["
            + "{\"rule\":\(quoted("m.r" + text)),\"severity\":\"high\",\"score\":-3,\"incubator\":true,"
            + "\"message\":\(quoted(text)),\"field\":\(quoted("f" + text)),\"start\":0,\"end\":12,\"excerpt\":\(quoted(text))},"
            + "{\"rule\":\"m.bare\",\"severity\":\"low\",\"score\":1,\"incubator\":false,\"message\":\"无\","
            + "\"field\":null,\"start\":null,\"end\":null,\"excerpt\":null}],"
            + "\"errors\":[{\"module\":\"x\",\"message\":\(quoted(text))}]}"
        #expect(line == expected)
        // The bytes a writer appends to its own buffer are the line's, after what the buffer held.
        var buffer = Array("{\"earlier\":1}\n".utf8)
        ScanJSON.append(outcome, language: "zh", to: &buffer)
        #expect(buffer == Array("{\"earlier\":1}\n".utf8) + Array(line.utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["id"] as? String == text)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first?["excerpt"] as? String == text)
    }

    @Test("JSON strings read back as the text, with and without characters to escape",
          arguments: ["入职前需交押金300元", "e\u{301}🇨🇳 ok", "", "押金\t\"保证金\"\\", "line\r\nbreak\u{7}", "\u{1F}x"])
    func escapingRoundTrip(_ text: String) throws {
        var out = ""
        ScanJSON.appendString(text, to: &out)
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(out)]".utf8)) as? [String]
        #expect(decoded == [text])
    }
}
