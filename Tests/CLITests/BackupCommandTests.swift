import Foundation
import Testing

@Suite("rightsdesk backup, run as a user would")
struct BackupCommandTests {
    @Test("backup --out writes a copy the CLI can open, and refuses to overwrite it")
    func backupAndRestore() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        _ = try cli.run(["case", "open", "--json", "-"], stdin: CaseCommandTests.intake)
        let target = cli.directory.appendingPathComponent("backup.sqlite").path
        let report = try cli.json(["backup", "--out", target, "--json"])
        #expect(report["cases"] as? Int == 1)
        #expect(report["events"] as? Int == 1)
        var restored = cli
        restored.environment["RIGHTSDESK_DB"] = target
        let listed = try restored.run(["case", "list", "--lang", "en"])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("WC-2026-000001"))
        let again = try cli.run(["backup", "--out", target])
        #expect(again.status == 2)
        #expect(again.stderr.contains("backup.sqlite"))
    }
}
