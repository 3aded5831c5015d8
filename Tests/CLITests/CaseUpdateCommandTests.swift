import Foundation
import Testing

@Suite("rightsdesk case update, run as a user would")
struct CaseUpdateCommandTests {
    @Test("flags and JSON change facts and priority; the timeline shows the update with its reason")
    func updateFromJSONAndFlags() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        _ = try cli.run(["case", "open", "--json", "-"], stdin: CaseCommandTests.intake)
        let change = Data(#"{"tags":["押金"],"facts":{"employmentStart":"2026-01-05"}}"#.utf8)
        let updated = try cli.json(["case", "update", "WC-2026-000001", "-", "--priority", "urgent",
                                    "--reason", "回访补充入职日期", "--expect-version", "1", "--json"], stdin: change)
        let record = updated
        #expect(record["priority"] as? String == "urgent")
        #expect(record["tags"] as? [String] == ["押金"])
        #expect((record["facts"] as? [String: Any])?["employmentStart"] as? String == "2026-01-05")
        #expect(record["version"] as? Int == 2)

        let shown = try cli.run(["case", "show", "1", "--lang", "en"])
        #expect(shown.stdout.contains("回访补充入职日期"))
    }

    @Test("a stale version exits 4, a bad fact exits 2 naming it, and a missing reason is a usage error")
    func refusals() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        _ = try cli.run(["case", "open", "--json", "-"], stdin: CaseCommandTests.intake)
        let stale = try cli.run(["case", "update", "1", "--priority", "urgent", "--reason", "x", "--expect-version", "7"])
        #expect(stale.status == 4)
        let bad = try cli.run(["case", "update", "1", "-", "--reason", "x"],
                              stdin: Data(#"{"facts":{"workersAffected":0}}"#.utf8))
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("facts.workersAffected"))
        let noReason = try cli.run(["case", "update", "1", "--priority", "urgent"])
        #expect(noReason.status == 2)
        #expect(noReason.stderr.contains("--reason"))
    }
}
