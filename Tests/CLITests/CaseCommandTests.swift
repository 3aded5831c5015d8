import Foundation
import Testing

@Suite("rightsdesk case commands, run as a user would", .serialized)
struct CaseCommandTests {
    static let intake = Data(#"""
    {"kind":"complaint","channel":"hotline","narrative":"在某中介交了500元押金，说好的工作没有安排，押金也不退",
     "complainant":{"name":"张三","phone":"13812345678"},
     "respondent":{"name":"某某人力资源有限公司","phone":"13987654321","role":"intermediary"}}
    """#.utf8)

    @Test("case open --json - reads stdin and prints the stored case with the contract's keys")
    func openFromStdin() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["init"]).status == 0)
        let stored = try cli.json(["case", "open", "--json", "-"], stdin: Self.intake)
        for key in ["id", "number", "kind", "status", "version", "dueAt"] { #expect(stored[key] != nil, "missing \(key)") }
        #expect(stored["number"] as? String == "WC-2026-000001")
        #expect(stored["status"] as? String == "received")
        #expect(stored["dueAt"] as? String == "2026-03-23T15:59:59Z")
    }

    @Test("case show --json matches the golden file (timeline included)")
    func showGolden() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        _ = try cli.run(["case", "open", "--json", "-"], stdin: Self.intake)
        _ = try cli.run(["case", "transition", "1", "triage", "--json"])
        _ = try cli.run(["case", "assign", "WC-2026-000001", "--to", "李四", "--department", "劳动保障监察大队"])
        let shown = try cli.run(["case", "show", "wc-2026-000001", "--json"])
        #expect(shown.status == 0)
        try Golden.check(shown.stdout, against: "case-show.json")
    }

    @Test("the table speaks Chinese by default and English on request")
    func tables() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        _ = try cli.run(["case", "open", "--json", "-"], stdin: Self.intake)
        let zh = try cli.run(["case", "list"])
        #expect(zh.stdout.contains("已登记"))
        #expect(zh.stdout.contains("WC-2026-000001"))
        let en = try cli.run(["case", "list", "--lang", "en"])
        #expect(en.stdout.contains("received"))
        #expect(!en.stdout.contains("13812345678"))
    }

    @Test("bad input exits 2 with one line naming the problem",
          arguments: [
            (["case", "open", "--json", "-"], #"{"kind":"complaint","narrative":"x""#, "malformed JSON"),
            (["case", "open", "--json", "-"], #"{"kind":"complaint","narrative":""}"#, "narrative"),
            (["case", "open", "--json", "-"], #"{"kind":"complaint","narrative":"x","complainant":{"name":"a","phone":"1381234567"}}"#, "complainant.phone"),
            (["case", "transition", "1", "close"], "", "close"),
            (["case", "transition", "1", "reject"], "", "reason"),
          ])
    func badInput(arguments: [String], stdin: String, mention: String) throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        _ = try cli.run(["case", "open", "--json", "-"], stdin: Self.intake)
        let result = try cli.run(arguments, stdin: Data(stdin.utf8))
        #expect(result.status == 2)
        #expect(result.stderr.contains(mention))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let after = try cli.json(["case", "show", "1", "--json"])
        #expect(after["version"] as? Int == 1)
    }

    @Test("unknown case exits 3; a stale version exits 4 and changes nothing")
    func notFoundAndConflict() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        _ = try cli.run(["case", "open", "--json", "-"], stdin: Self.intake)
        #expect(try cli.run(["case", "show", "WC-2026-999999"]).status == 3)
        #expect(try cli.run(["case", "transition", "1", "triage", "--expect-version", "1"]).status == 0)
        let stale = try cli.run(["case", "transition", "1", "reject", "--reason", "重复", "--expect-version", "1"])
        #expect(stale.status == 4)
        #expect(stale.stderr.contains("2"))
        let after = try cli.json(["case", "show", "1", "--json"])
        #expect(after["status"] as? String == "triaged")
    }

    @Test("a file that is not a RightsDesk database is refused with exit 2 and left untouched")
    func foreignDatabase() throws {
        var cli = try CLIRunner()
        let path = cli.directory.appendingPathComponent("notes.txt")
        try Data("这不是数据库".utf8).write(to: path)
        cli.environment["RIGHTSDESK_DB"] = path.path
        let result = try cli.run(["case", "list"])
        #expect(result.status == 2)
        #expect(try Data(contentsOf: path) == Data("这不是数据库".utf8))
        var missing = try CLIRunner()
        missing.environment["RIGHTSDESK_DB"] = missing.directory.appendingPathComponent("none.sqlite").path
        #expect(try missing.run(["case", "list"]).status == 2)
    }

    @Test("search, list and export work from the command line")
    func searchListExport() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        _ = try cli.run(["case", "open", "--json", "-"], stdin: Self.intake)
        _ = try cli.run(["case", "open", "--kind", "laborDispute", "--narrative", "工地拖欠三个月工资"])
        for (query, count) in [("押", 1), ("押金", 1), ("拖欠工资", 0), ("拖欠三个", 1)] {
            let result = try cli.run(["case", "search", query, "--json"])
            let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any]
            #expect(array?.count == count, "query \(query)")
        }
        let overdue = try cli.run(["case", "list", "--overdue", "--json"])
        #expect(overdue.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let csv = try cli.run(["case", "export", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 3)
        let summary = try cli.json(["report", "summary", "--json"])
        #expect(summary["total"] as? Int == 2)
    }
}

/// Golden files under `Tests/CLITests/Golden/`; `RIGHTSDESK_UPDATE_GOLDEN=1 swift test` rewrites them.
enum Golden {
    static func check(_ actual: String, against name: String) throws {
        let url = CLIRunner.repositoryRoot.appendingPathComponent("Tests/CLITests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["RIGHTSDESK_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "out of date: check the change, then run RIGHTSDESK_UPDATE_GOLDEN=1 swift test --filter CLITests")
    }
}

@Suite("rightsdesk.yaml store settings")
struct StoreConfigTests {
    @Test("the case-number prefix and database path come from rightsdesk.yaml")
    func prefixFromConfig() throws {
        var cli = try CLIRunner()
        cli.environment["RIGHTSDESK_DB"] = nil
        try Data("store:\n  path: cases.sqlite\n  numberPrefix: JH\n".utf8)
            .write(to: cli.directory.appendingPathComponent("rightsdesk.yaml"))
        #expect(try cli.run(["init"]).status == 0)
        let stored = try cli.json(["case", "open", "--json", "-"], stdin: CaseCommandTests.intake)
        #expect(stored["number"] as? String == "JH-2026-000001")
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("cases.sqlite").path))
    }

    @Test("a bad prefix is refused with the file and line")
    func badPrefix() throws {
        let cli = try CLIRunner()
        try Data("store:\n  numberPrefix: wc-1\n".utf8).write(to: cli.directory.appendingPathComponent("rightsdesk.yaml"))
        let result = try cli.run(["init"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("rightsdesk.yaml:2"))
    }
}
