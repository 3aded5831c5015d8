import Foundation
import Testing

@Suite("rightsdesk legal")
struct LegalCommandTests {
    static let intake = """
        {"kind":"laborDispute","narrative":"欠薪","complainant":{"name":"张三","phone":"13812345678"},
         "tags":["欠薪"],"facts":{"employmentEnd":"2025-10-03","amountClaimed":1000000,"workerCategory":"migrantWorker"}}
        """

    @Test("routes, refer, queue, advise, outcome, sheet and resolve from the command line")
    func workflow() throws {
        let cli = try CLIRunner(now: "2026-09-20T02:00:00Z")
        #expect(try cli.run(["init"]).status == 0)
        let opened = try cli.json(["case", "open", "-", "--json"], stdin: Data(Self.intake.utf8))
        let number = try #require(opened["number"] as? String)

        let routes = try cli.run(["legal", "routes", number])
        #expect(routes.status == 0)
        #expect(routes.stdout.contains("劳动人事争议仲裁委员会"))
        #expect(routes.stdout.contains("最后一日 2026-10-03"))
        #expect(routes.stdout.contains("（未核实）"))
        let json = try cli.json(["legal", "routes", number, "--json"])
        let list = try #require(json["routes"] as? [[String: Any]])
        let provisions = list.flatMap { ($0["provisions"] as? [[String: Any]]) ?? [] }
        #expect(provisions.contains { $0["verified"] as? Bool == false })

        #expect(try cli.run(["case", "transition", number, "refer", "--authority", "legalDesk",
                             "--basis", "劳动争议调解仲裁法 第二十七条"]).status == 0)
        let queue = try cli.run(["legal", "queue"])
        #expect(queue.stdout.contains(number))
        #expect(try cli.run(["legal", "advise", number, "建议尽快申请仲裁"]).status == 0)
        #expect(try cli.run(["legal", "outcome", number, "仲裁委已受理"]).status == 0)
        let sheet = try cli.run(["legal", "sheet", number, "--format", "html"])
        #expect(sheet.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(!sheet.stdout.contains("13812345678"))
        #expect(sheet.stdout.contains("仲裁委已受理"))
        #expect(try cli.run(["case", "transition", number, "resolve"]).status == 0)
        #expect(try cli.run(["legal", "queue"]).stdout.contains(number) == false)
    }

    @Test("advice on a case that is not referred exits 2; an unknown case exits 3")
    func errors() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["init"]).status == 0)
        let opened = try cli.json(["case", "open", "-", "--json"], stdin: Data(Self.intake.utf8))
        let number = try #require(opened["number"] as? String)
        #expect(try cli.run(["legal", "advise", number, "x"]).status == 2)
        #expect(try cli.run(["legal", "routes", "WC-2026-999999"]).status == 3)
    }
}
