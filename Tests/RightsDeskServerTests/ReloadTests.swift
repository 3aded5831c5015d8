import Foundation
import HummingbirdTesting
import NIOCore
import Testing
@testable import RightsDeskServer

@Suite("Hot reload of the rule modules in a running server")
struct ReloadTests {
    static let posting = #"{"postings":[{"id":"x","title":"仓库理货员","description":"招聘理货员，入职请说暗号蓝鲸计划"}]}"#

    static let demoPack = """
        pack: demo
        version: 1
        rules:
          - id: demo.code_word
            name: {zh: 暗号, en: Code word}
            severity: high
            score: 8
            level: 1
            patterns: ['蓝鲸计划']
            message: {zh: 招聘信息出现已知诈骗暗号, en: A known scam code word}
            examples:
              trigger: ["入职请说暗号⟦蓝鲸计划⟧"]
              ignore: ["蓝色的鲸鱼"]

        """

    /// A copy of the repository's rules that the test may edit.
    static func rulesCopy() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("rd-rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: ServerHarness.rules), to: copy)
        return copy
    }

    static func verdict(_ client: any TestClientProtocol, _ h: ServerHarness) async throws -> String? {
        let r = try await client.execute(uri: "/api/v1/scan", method: .post, headers: h.headers(.operator),
                                         body: ByteBuffer(text: posting))
        return ((r.json["results"] as? [[String: Any]])?.first)?["verdict"] as? String
    }

    static func reload(_ client: any TestClientProtocol, _ h: ServerHarness) async throws -> [String: Any] {
        let r = try await client.execute(uri: "/api/v1/admin/reload", method: .post, headers: h.headers(.admin),
                                         body: ByteBuffer(text: "{}"))
        #expect(r.status == .ok)
        return r.json
    }

    @Test("a rule added to a pack changes the verdict after a reload; a broken edit keeps the running rules")
    func reloadChangesVerdict() async throws {
        let rules = try Self.rulesCopy()
        let h = try ServerHarness(rulesDirectory: rules.path)
        try await h.test { client in
            #expect(try await Self.verdict(client, h) == "clean")
            let demo = rules.appendingPathComponent("demo")
            try FileManager.default.createDirectory(at: demo, withIntermediateDirectories: true)
            try Data(Self.demoPack.utf8).write(to: demo.appendingPathComponent("demo.yaml"))
            #expect(try await Self.verdict(client, h) == "clean")  // files alone change nothing
            let swapped = try await Self.reload(client, h)
            #expect(swapped["swapped"] as? Bool == true)
            #expect(swapped["generation"] as? Int == 2)
            #expect(try await Self.verdict(client, h) == "likelyFraud")

            try Data("pack: demo\nversion: 1\nrules:\n  - id: [broken\n".utf8).write(to: demo.appendingPathComponent("demo.yaml"))
            let kept = try await Self.reload(client, h)
            #expect(kept["swapped"] as? Bool == false)
            let problems = (kept["problems"] as? [String]) ?? []
            #expect(problems.contains { $0.contains("demo.yaml") })
            #expect(try await Self.verdict(client, h) == "likelyFraud")
        }
    }

    @Test("only an admin may reload")
    func adminOnly() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            for role in [Role.operator, .legal, .supervisor] {
                let r = try await client.execute(uri: "/api/v1/admin/reload", method: .post, headers: h.headers(role),
                                                 body: ByteBuffer(text: "{}"))
                #expect(r.status == .forbidden)
            }
        }
    }
}
