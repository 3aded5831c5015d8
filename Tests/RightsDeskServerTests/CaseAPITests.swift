import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import RightsDeskServer

@Suite("JSON API: cases")
struct CaseAPITests {
    @Test("an operator creates a case, reads it back and finds it in the list")
    func createAndRead() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let created = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                   body: ByteBuffer(text: ServerHarness.intake))
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? Int)
            #expect(created.json["status"] as? String == "received")
            #expect(created.json["dueAt"] != nil)
            let got = try await client.execute(uri: "/api/v1/cases/\(id)", method: .get, headers: h.headers(.legal))
            #expect(got.status == .ok)
            #expect(got.json["masked"] as? Bool == true)
            #expect(!got.text.contains("13812345678"))
            let list = try await client.execute(uri: "/api/v1/cases?status=received&kind=complaint&limit=10",
                                                method: .get, headers: h.headers(.supervisor))
            #expect(list.status == .ok)
            #expect((list.json["items"] as? [Any])?.count == 1)
            #expect(list.json["total"] as? Int == 1)
            let none = try await client.execute(uri: "/api/v1/cases?kind=consultation", method: .get,
                                                headers: h.headers(.operator))
            #expect((none.json["items"] as? [Any])?.count == 0)
        }
    }

    @Test("a transition based on a stale version is refused with 409 and the current version")
    func staleVersion() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let created = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                   body: ByteBuffer(text: ServerHarness.intake))
            let id = try #require(created.json["id"] as? Int)
            let version = try #require(created.json["version"] as? Int)
            let first = try await client.execute(
                uri: "/api/v1/cases/\(id)/transition", method: .post, headers: h.headers(.operator),
                body: ByteBuffer(text: #"{"event":"triage","expectedVersion":\#(version)}"#))
            #expect(first.status == .ok)
            let stale = try await client.execute(
                uri: "/api/v1/cases/\(id)/assign", method: .post, headers: h.headers(.operator),
                body: ByteBuffer(text: #"{"assignee":"li","expectedVersion":\#(version)}"#))
            #expect(stale.status == .conflict)
            let error = try #require(stale.json["error"] as? [String: Any])
            #expect(error["code"] as? String == "version_conflict")
            #expect(error["currentVersion"] as? Int == first.json["version"] as? Int)
        }
    }

    @Test("malformed JSON is 400, an invalid intake 422, an unknown case 404, an oversized body 413")
    func badInput() async throws {
        let h = try ServerHarness(maxBodyBytes: 2048)
        try await h.test { client in
            let malformed = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                     body: ByteBuffer(text: #"{"kind":"complaint","#))
            #expect(malformed.status == .badRequest)
            #expect((malformed.json["error"] as? [String: Any])?["code"] as? String == "malformed_json")
            let invalid = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                   body: ByteBuffer(text: #"{"kind":"nonsense","narrative":"x"}"#))
            #expect(invalid.status == .unprocessableContent)
            let missing = try await client.execute(uri: "/api/v1/cases/WC-2026-999999", method: .get,
                                                   headers: h.headers(.operator))
            #expect(missing.status == .notFound)
            let big = String(repeating: "欠薪", count: 2000)
            let oversized = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                body: ByteBuffer(text: #"{"kind":"complaint","narrative":"\#(big)"}"#))
            #expect(oversized.status == .contentTooLarge)
            let badFilter = try await client.execute(uri: "/api/v1/cases?status=bogus", method: .get,
                                                     headers: h.headers(.operator))
            #expect(badFilter.status == .badRequest)
        }
    }

    @Test("an operator may not close a case: the event is refused for the role with 403")
    func eventByRole() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let created = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                   body: ByteBuffer(text: ServerHarness.intake))
            let id = try #require(created.json["id"] as? Int)
            let reject = try await client.execute(uri: "/api/v1/cases/\(id)/transition", method: .post,
                                                  headers: h.headers(.operator),
                                                  body: ByteBuffer(text: #"{"event":"reject","reason":"重复"}"#))
            #expect(reject.status == .forbidden)
            let bySupervisor = try await client.execute(uri: "/api/v1/cases/\(id)/transition", method: .post,
                                                        headers: h.headers(.supervisor),
                                                        body: ByteBuffer(text: #"{"event":"reject","reason":"重复"}"#))
            #expect(bySupervisor.status == .ok)
            #expect(bySupervisor.json["status"] as? String == "rejected")
        }
    }

    @Test("notes, links, merge and search work through the API")
    func notesLinksMergeSearch() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            var ids: [Int] = []
            for _ in 0..<2 {
                let r = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                 body: ByteBuffer(text: ServerHarness.intake))
                ids.append(try #require(r.json["id"] as? Int))
            }
            let note = try await client.execute(uri: "/api/v1/cases/\(ids[0])/notes", method: .post,
                                                headers: h.headers(.legal), body: ByteBuffer(text: #"{"text":"已回电"}"#))
            #expect(note.status == .created)
            let link = try await client.execute(uri: "/api/v1/cases/\(ids[0])/links", method: .post,
                                                headers: h.headers(.operator),
                                                body: ByteBuffer(text: #"{"to":"\#(ids[1])","type":"related"}"#))
            #expect(link.status == .created)
            let merge = try await client.execute(uri: "/api/v1/cases/\(ids[1])/merge", method: .post,
                                                 headers: h.headers(.supervisor),
                                                 body: ByteBuffer(text: #"{"into":"\#(ids[0])","reason":"同一来电"}"#))
            #expect(merge.status == .ok)
            #expect(merge.json["id"] as? Int == ids[0])
            let search = try await client.execute(uri: "/api/v1/cases/search?q=%E6%8A%BC%E9%87%91", method: .get,
                                                  headers: h.headers(.operator))
            #expect(search.status == .ok)
            #expect(((search.json["items"] as? [[String: Any]]) ?? []).map { $0["id"] as? Int }.contains(ids[0]))
        }
    }

    @Test("a batch scan returns one verdict per posting with evidence")
    func scanBatch() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let body = #"{"postings":[{"id":"a","title":"日结兼职","description":"无需经验，先交押金300元，刷单返利，日赚500"},{"id":"b","description":"招聘仓库管理员，五险一金"}]}"#
            let r = try await client.execute(uri: "/api/v1/scan", method: .post, headers: h.headers(.operator),
                                             body: ByteBuffer(text: body))
            #expect(r.status == .ok)
            let results = try #require(r.json["results"] as? [[String: Any]])
            #expect(results.count == 2)
            #expect(results[0]["id"] as? String == "a")
            #expect(((results[0]["findings"] as? [Any]) ?? []).count > 0)
            #expect(results[0]["verdict"] as? String != "clean")
            #expect(results[0]["errors"] == nil)  // only when a module failed
        }
    }

    @Test("the batch scan reads the salary field, as `rightsdesk scan` does")
    func scanSalary() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let body = #"{"postings":[{"id":"s","title":"仓库管理员","salary":"月薪5000，入职前需缴纳押金300元"}]}"#
            let r = try await client.execute(uri: "/api/v1/scan", method: .post, headers: h.headers(.operator),
                                             body: ByteBuffer(text: body))
            #expect(r.status == .ok)
            let result = try #require((r.json["results"] as? [[String: Any]])?.first)
            #expect(result["verdict"] as? String == "likelyFraud")
            let findings = (result["findings"] as? [[String: Any]]) ?? []
            let fields = findings.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }.compactMap { $0["field"] as? String }
            #expect(fields.contains("salary"))
        }
    }

    @Test("referring to the legal desk puts the case in its queue, with routes; the summary counts it")
    func legalAndReports() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let created = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                   body: ByteBuffer(text: ServerHarness.intake))
            let id = try #require(created.json["id"] as? Int)
            for event in [#"{"event":"triage"}"#, #"{"event":"refer","authority":"legalDesk"}"#] {
                let r = try await client.execute(uri: "/api/v1/cases/\(id)/transition", method: .post,
                                                 headers: h.headers(.operator), body: ByteBuffer(text: event))
                #expect(r.status == .ok)
            }
            let queue = try await client.execute(uri: "/api/v1/legal/queue", method: .get, headers: h.headers(.legal))
            #expect(((queue.json["items"] as? [[String: Any]]) ?? []).first?["caseId"] as? Int == id)
            let routes = try await client.execute(uri: "/api/v1/legal/cases/\(id)/routes", method: .get,
                                                  headers: h.headers(.legal))
            #expect(routes.status == .ok)
            let advice = try await client.execute(uri: "/api/v1/legal/cases/\(id)/advice", method: .post,
                                                  headers: h.headers(.legal), body: ByteBuffer(text: #"{"text":"建议申请仲裁"}"#))
            #expect(advice.status == .ok)
            let summary = try await client.execute(uri: "/api/v1/reports/summary", method: .get,
                                                   headers: h.headers(.admin))
            #expect(summary.json["total"] as? Int == 1)
        }
    }
}
