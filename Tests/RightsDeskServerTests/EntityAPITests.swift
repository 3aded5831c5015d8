import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import RightsDeskServer

@Suite("Entities API and pages")
struct EntityAPITests {
    /// A charging intermediary with a phone in the narrative: the rule modules flag the company and the phone.
    static let form = "kind=complaint&channel=hotline&priority=normal&narrative="
        + "正规劳务派遣，面试通过交介绍费300元，电话13812345678，好运来劳务派遣有限公司"
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        + "&respondentName=%E5%A5%BD%E8%BF%90%E6%9D%A5%E5%8A%B3%E5%8A%A1%E6%B4%BE%E9%81%A3%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8"
        + "&respondentType=intermediary"

    /// Opens the case through the intake form (bearer: no CSRF) and returns the flagged entities as the
    /// operator sees them.
    static func seed(_ h: ServerHarness, _ client: any TestClientProtocol) async throws -> [[String: Any]] {
        var headers = h.headers(.operator, json: false)
        headers[.contentType] = "application/x-www-form-urlencoded"
        let opened = try await client.execute(uri: "/intake", method: .post, headers: headers, body: ByteBuffer(text: form))
        #expect(opened.status == .seeOther)
        let list = try await client.execute(uri: "/api/v1/entities?flagged=true", method: .get, headers: h.headers(.operator))
        #expect(list.status == .ok)
        return list.json["items"] as? [[String: Any]] ?? []
    }

    static func id(_ items: [[String: Any]], kind: String) throws -> Int {
        try #require(items.first { $0["kind"] as? String == kind }?["id"] as? Int)
    }

    @Test("an intake through the form flags the intermediary; the list is masked and names the rules")
    func flaggedList() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let items = try await Self.seed(h, client)
            let phone = try #require(items.first { $0["kind"] as? String == "phone" })
            #expect(phone["value"] as? String == "138******78")
            #expect((phone["rules"] as? [String: Int])?["black_intermediary.charging_intermediary"] != nil)
            #expect(items.contains { $0["kind"] as? String == "company" })
            let raw = try await client.execute(uri: "/api/v1/entities?flagged=true", method: .get, headers: h.headers(.supervisor))
            #expect(!raw.text.contains("13812345678"))
            let byKind = try await client.execute(uri: "/api/v1/entities?kind=company", method: .get, headers: h.headers(.admin))
            #expect((byKind.json["items"] as? [[String: Any]])?.allSatisfy { $0["kind"] as? String == "company" } == true)
        }
    }

    @Test("an intake through POST /api/v1/cases flags the intermediary as the form does")
    func apiIntakeFlags() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let body = #"{"kind":"complaint","narrative":"正规劳务派遣，面试通过交介绍费300元，电话13812345678，好运来劳务派遣有限公司","respondent":{"name":"好运来劳务派遣有限公司","type":"intermediary"}}"#
            let created = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                   body: ByteBuffer(text: body))
            #expect(created.status == .created)
            let list = try await client.execute(uri: "/api/v1/entities?flagged=true", method: .get, headers: h.headers(.operator))
            let items = list.json["items"] as? [[String: Any]] ?? []
            let phone = try #require(items.first { $0["kind"] as? String == "phone" })
            #expect((phone["rules"] as? [String: Int])?["black_intermediary.charging_intermediary"] != nil)
        }
    }

    @Test("one entity: masked with flags, citations and cases; unmasked only for legal and supervisor, and audited")
    func detailAndAudit() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let id = try Self.id(try await Self.seed(h, client), kind: "phone")
            let masked = try await client.execute(uri: "/api/v1/entities/\(id)", method: .get, headers: h.headers(.operator))
            #expect(masked.status == .ok)
            #expect(!masked.text.contains("13812345678"))
            #expect(masked.json["masked"] as? Bool == true)
            let flags = masked.json["flags"] as? [[String: Any]] ?? []
            #expect(flags.contains { ($0["references"] as? [String])?.contains { $0.contains("就业促进法") } == true })
            #expect((masked.json["cases"] as? [[String: Any]])?.count == 1)
            let refused = try await client.execute(uri: "/api/v1/entities/\(id)?unmasked=true", method: .get, headers: h.headers(.operator))
            #expect(refused.status == .forbidden)
            #expect(refused.json["error"] != nil)
            let full = try await client.execute(uri: "/api/v1/entities/\(id)?unmasked=true", method: .get, headers: h.headers(.supervisor))
            #expect(full.json["value"] as? String == "13812345678")
            let again = try await client.execute(uri: "/api/v1/entities/\(id)", method: .get, headers: h.headers(.legal))
            let audit = again.json["audit"] as? [[String: Any]] ?? []
            #expect(audit.contains { $0["action"] as? String == "viewPersonal" && $0["actor"] as? String == "u-supervisor" })
        }
    }

    @Test("KIND:VALUE works as an id; a malformed id is 400 and an unknown one 404, as JSON errors")
    func references() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            _ = try await Self.seed(h, client)
            let byValue = try await client.execute(uri: "/api/v1/entities/phone:138-1234-5678/cases", method: .get,
                                                   headers: h.headers(.legal))
            #expect(byValue.status == .ok)
            #expect((byValue.json["items"] as? [[String: Any]])?.count == 1)
            let bad = try await client.execute(uri: "/api/v1/entities/nonsense", method: .get, headers: h.headers(.legal))
            #expect(bad.status == .badRequest)
            #expect((bad.json["error"] as? [String: Any])?["code"] as? String == "bad_request")
            let unknown = try await client.execute(uri: "/api/v1/entities/999999", method: .get, headers: h.headers(.legal))
            #expect(unknown.status == .notFound)
            #expect((unknown.json["error"] as? [String: Any])?["code"] as? String == "not_found")
        }
    }

    @Test("watch and unwatch need a reason, are audited, and refuse a repeat")
    func watchlist() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let id = try Self.id(try await Self.seed(h, client), kind: "company")
            let uri = "/api/v1/entities/\(id)"
            let noReason = try await client.execute(uri: uri + "/watch", method: .post, headers: h.headers(.supervisor),
                                                    body: ByteBuffer(text: #"{"reason":"  "}"#))
            #expect(noReason.status == .unprocessableContent)
            let watched = try await client.execute(uri: uri + "/watch", method: .post, headers: h.headers(.supervisor),
                                                   body: ByteBuffer(text: #"{"reason":"三起收费投诉"}"#))
            #expect(watched.status == .created)
            #expect(watched.json["watched"] as? Bool == true)
            let twice = try await client.execute(uri: uri + "/watch", method: .post, headers: h.headers(.supervisor),
                                                 body: ByteBuffer(text: #"{"reason":"again"}"#))
            #expect(twice.status == .unprocessableContent)
            let malformed = try await client.execute(uri: uri + "/unwatch", method: .post, headers: h.headers(.supervisor),
                                                     body: ByteBuffer(text: "{not json"))
            #expect(malformed.status == .badRequest)
            let unwatched = try await client.execute(uri: uri + "/unwatch", method: .post, headers: h.headers(.supervisor),
                                                     body: ByteBuffer(text: #"{"reason":"已核实整改"}"#))
            #expect(unwatched.json["watched"] as? Bool == false)
            let actions = (unwatched.json["audit"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(actions == ["watch", "unwatch"])
            let notWatched = try await client.execute(uri: uri + "/unwatch", method: .post, headers: h.headers(.supervisor),
                                                      body: ByteBuffer(text: #"{"reason":"x"}"#))
            #expect(notWatched.status == .notFound)
        }
    }

    @Test("the dashboard links flagged intermediaries to entity pages; the entity page is masked and escapes text")
    func pages() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let items = try await Self.seed(h, client)
            let phone = try Self.id(items, kind: "phone"), company = try Self.id(items, kind: "company")
            let dashboard = try await client.execute(uri: "/dashboard", method: .get, headers: h.headers(.supervisor, json: false))
            #expect(dashboard.text.contains("href=\"/entities/\(phone)\""))
            #expect(dashboard.text.contains("介绍费") == false)  // evidence stays on the entity page
            _ = try await client.execute(uri: "/api/v1/entities/\(company)/watch", method: .post, headers: h.headers(.supervisor),
                                         body: ByteBuffer(text: #"{"reason":"<script>alert(1)</script> 13912345678"}"#))
            let page = try await client.execute(uri: "/entities/\(company)", method: .get, headers: h.headers(.legal, json: false))
            #expect(page.status == .ok)
            #expect(!page.text.contains("<script>alert"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.text.contains("13912345678"))
            let phonePage = try await client.execute(uri: "/entities/\(phone)", method: .get, headers: h.headers(.legal, json: false))
            #expect(!phonePage.text.contains("13812345678"))
            #expect(phonePage.text.contains("?full=1"))
            #expect(phonePage.text.contains("id=\"entity-cases\""))
            let full = try await client.execute(uri: "/entities/\(phone)?full=1", method: .get, headers: h.headers(.legal, json: false))
            #expect(full.text.contains("13812345678"))
            let opFull = try await client.execute(uri: "/entities/\(phone)?full=1", method: .get, headers: h.headers(.operator, json: false))
            #expect(opFull.status == .forbidden)
        }
    }

    @Test("free text masking hides the entity's value and runs of 5+ digits, and keeps other text")
    func masking() throws {
        let wechat = try EntityReference.parse("wechat:HR_Zhang888")
        let text = EntityMasking.text("加微信 HR_Zhang888 或电话13812345678，身份证33010219900101123X", hiding: wechat)
        #expect(!text.lowercased().contains("hr_zhang888"))
        #expect(!text.contains("13812345678"))
        #expect(text.contains("138****5678"))
        #expect(text.contains("3301**********123X"))
        #expect(text.hasPrefix("加微信 "))
        #expect(EntityMasking.digits("交介绍费300元，电话13812") == "交介绍费300元，电话*****")  // a phone cut by an excerpt
    }
}
