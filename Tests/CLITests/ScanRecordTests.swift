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

    @Test("recorded postings are indexed by their entities, once however often they are scanned")
    func recordedPostingsAreIndexed() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        let posting = Data(#"{"id":"j1","description":"上岗前需交押金300元，联系电话13987654321","company":"快跑人力资源有限公司"}"#.utf8 + [0x0A])
        #expect(try cli.run(["scan", "-", "--json", "--record"], stdin: posting).status == 0)
        #expect(try cli.run(["scan", "-", "--json", "--record"], stdin: posting).status == 0)
        let shown = try cli.run(["entities", "show", "phone:13987654321", "--json"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains(#""postings":["j1"]"#))
        #expect(shown.stdout.contains(#""postings":1,"#))
        #expect(!shown.stdout.contains("13987654321"))
    }
}
