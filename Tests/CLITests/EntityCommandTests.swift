import Foundation
import Testing

@Suite("rightsdesk entities, report intermediaries and intake suggestions, run as a user would", .serialized)
struct EntityCommandTests {
    static func intake(complainantPhone: String, narrative: String = "在好运来中介交了500元押金，工作没安排，押金不退") -> Data {
        Data(#"""
        {"kind":"complaint","channel":"hotline","narrative":"\#(narrative)",
         "complainant":{"name":"张三","phone":"\#(complainantPhone)"},
         "respondent":{"name":"深圳市好运来劳务派遣有限公司","phone":"138 1234 5678","role":"intermediary"}}
        """#.utf8)
    }

    @Test("case open shows related cases at intake (JSON keys and table) and a second call by the same person is a likely duplicate")
    func intakeSuggestions() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["init"]).status == 0)
        let first = try cli.json(["case", "open", "--json", "-"], stdin: Self.intake(complainantPhone: "13900001111"))
        #expect((first["related"] as? [Any])?.isEmpty == true)
        let second = try cli.json(["case", "open", "--json", "-"], stdin: Self.intake(complainantPhone: "13900001111"))
        let related = try #require(second["related"] as? [[String: Any]])
        #expect(related.first?["number"] as? String == "WC-2026-000001")
        #expect(related.first?["likelyDuplicate"] as? Bool == true)
        #expect(second["number"] as? String == "WC-2026-000002")
        let table = try cli.run(["case", "open", "-"], stdin: Self.intake(complainantPhone: "13700002222"))
        #expect(table.status == 0)
        #expect(table.stdout.contains("WC-2026-000001"))
        #expect(table.stdout.contains("rightsdesk case merge WC-2026-000003"))
        let suggestions = try #require(table.stdout.components(separatedBy: "相关案件").last)
        #expect(suggestions.contains("138******78"))
        #expect(!suggestions.contains("13812345678"), "contacts are masked in suggestions")
    }

    @Test("entities list, show and cases find the respondent however it was written")
    func listShowCases() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        _ = try cli.run(["case", "open", "--json", "-"], stdin: Self.intake(complainantPhone: "13900001111"))
        let list = try cli.run(["entities", "list", "--kind", "phone", "--json"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("138******78"))
        #expect(!list.stdout.contains("13812345678"))
        let show = try cli.json(["entities", "show", "好运来劳务派遣（深圳市）有限责任公司", "--json"])
        let detail = try #require(show["detail"] as? [String: Any])
        #expect((detail["cases"] as? [Any])?.count == 1)
        let cases = try cli.run(["entities", "cases", "phone:138-1234-5678"])
        #expect(cases.stdout.contains("WC-2026-000001"))
    }

    @Test("watch needs a reason; unwatch without a reason is refused with exit 2; both are audited, and so is show --unmasked")
    func watchUnwatch() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        #expect(try cli.run(["entities", "watch", "wechat:heizhongjie01", "--reason", "三宗押金投诉"]).status == 0)
        let refused = try cli.run(["entities", "unwatch", "wechat:heizhongjie01"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--reason"))
        #expect(try cli.run(["entities", "unwatch", "wechat:heizhongjie01", "--reason", "核实为正规机构"]).status == 0)
        let show = try cli.json(["entities", "show", "wechat:heizhongjie01", "--json", "--unmasked"])
        let audit = try #require((show["detail"] as? [String: Any])?["audit"] as? [[String: Any]])
        #expect(audit.compactMap { $0["action"] as? String } == ["watch", "unwatch", "viewPersonal"])
        #expect(audit[1]["reason"] as? String == "核实为正规机构")
        #expect(audit.last?["reason"] as? String == "cli")
    }

    @Test("entities list --unmasked shows contacts in full and records each one shown in its audit log")
    func listUnmaskedIsAudited() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        _ = try cli.run(["case", "open", "--json", "-"], stdin: Self.intake(complainantPhone: "13900001111"))
        let before = try cli.json(["entities", "show", "phone:13812345678", "--json"])
        #expect(((before["detail"] as? [String: Any])?["audit"] as? [Any])?.isEmpty == true)
        let list = try cli.run(["entities", "list", "--kind", "phone", "--unmasked", "--json"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("13812345678"))
        let after = try cli.json(["entities", "show", "phone:13812345678", "--json"])
        let audit = try #require((after["detail"] as? [String: Any])?["audit"] as? [[String: Any]])
        #expect(audit.map { $0["action"] as? String } == ["viewPersonal"])
        #expect(audit.first?["reason"] as? String == "cli list")
    }

    @Test("report intermediaries lists a watched entity and flagged intermediaries with evidence counts")
    func report() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        for phone in ["13900000001", "13900000002", "13900000003"] {
            _ = try cli.run(["case", "open", "--json", "-"], stdin: Self.intake(
                complainantPhone: phone, narrative: "好运来劳务派遣让我先交介绍费300元才安排工作"))
        }
        _ = try cli.run(["entities", "watch", "qq:5566778899", "--reason", "群内招聘刷单"])
        let result = try cli.run(["report", "intermediaries", "--json"])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let company = try #require(rows.first { (($0["entity"] as? [String: Any])?["entity"] as? [String: Any])?["value"] as? String == "深圳市好运来劳务派遣公司" })
        let rules = try #require(company["rules"] as? [String: Int])
        #expect(rules["black_intermediary.charging_intermediary"] == 3)
        #expect(company["sources"] as? Int == 3)
        #expect(rows.contains { ($0["rules"] as? [String: Int])?["watchlist"] == 1 })
        let table = try cli.run(["report", "intermediaries"])
        #expect(table.stdout.contains("charging_intermediary×3"))
    }

    @Test("scan --db marks postings whose contact is watched; without --db the same posting is not marked")
    func scanMarksWatched() throws {
        let cli = try CLIRunner()
        _ = try cli.run(["init"])
        _ = try cli.run(["entities", "watch", "wechat:heizhongjie01", "--reason", "三宗押金投诉"])
        let postings = Data(#"""
        {"id":"a","title":"日结普工","description":"工厂直招，包吃住","contact":"加V信 heizhongjie01"}
        {"id":"b","title":"日结普工","description":"工厂直招，包吃住","contact":"加V信 baizhongjie02"}
        """#.utf8)
        let db = cli.environment["RIGHTSDESK_DB"] ?? ""
        let rules = CLIRunner.repositoryRoot.appendingPathComponent("rules").path
        let marked = try cli.run(["scan", "--json", "--rules", rules, "--db", db, "-"], stdin: postings)
        #expect(marked.status == 0)
        let lines = marked.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("black_intermediary.watchlisted") == true)
        #expect(lines.last?.contains("black_intermediary.watchlisted") == false)
        let plain = try cli.run(["scan", "--json", "--rules", rules, "-"], stdin: postings)
        #expect(!plain.stdout.contains("black_intermediary.watchlisted"))
    }
}
