import Foundation
import Testing

@Suite("rightsdesk scan --record")
struct ScanRecordTests {
    static let postings = Data("""
        {"id":"p1","title":"普工","description":"上岗前需交押金300元，押金不退"}
        {"id":"p2","title":"普工","description":"本公司不收取任何费用，面试请携带身份证"}

        """.utf8)

    @Test("records one verdict per posting in the case database, without changing the output")
    func recordsVerdicts() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        let plain = try cli.run(["scan", "-", "--json"], stdin: Self.postings)
        let recorded = try cli.run(["scan", "-", "--json", "--record"], stdin: Self.postings)
        #expect(recorded.status == 0)
        #expect(recorded.stdout == plain.stdout)
        #expect(recorded.stderr.contains("recorded 2 verdicts"))
        #expect(plain.stdout.contains(#""id":"p1","verdict":"likelyFraud""#))
    }

    @Test("--record without a database is a usage error and prints nothing")
    func needsDatabase() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["scan", "-", "--json", "--record"], stdin: Self.postings)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("init"))
    }
}
