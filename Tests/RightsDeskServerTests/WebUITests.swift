import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import RightsDeskServer

@Suite("Web UI")
struct WebUITests {
    @Test("script in a narrative is rendered as text on the case page and in the queue")
    func scriptIsEscaped() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let evil = #"{"kind":"complaint","narrative":"<script>alert(1)</script> 押金 \" onmouseover=x","department":"<img src=x onerror=alert(2)>"}"#
            let created = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                   body: ByteBuffer(text: evil))
            let id = try #require(created.json["id"] as? Int)
            for uri in ["/cases/\(id)", "/queue"] {
                let page = try await client.execute(uri: uri, method: .get, headers: h.headers(.operator, json: false))
                #expect(page.status == .ok)
                #expect(!page.text.contains("<script>alert"), "\(uri)")
                #expect(!page.text.contains("<img src=x"), "\(uri)")
                #expect(page.text.contains("&lt;img src=x onerror=alert(2)&gt;"), "\(uri)")
            }
            let casePage = try await client.execute(uri: "/cases/\(id)", method: .get, headers: h.headers(.operator, json: false))
            #expect(casePage.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test("pages are Chinese by default and English with ?lang=en")
    func language() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let zh = try await client.execute(uri: "/login", method: .get)
            #expect(zh.text.contains("lang=\"zh-CN\""))
            #expect(zh.text.contains("用户名"))
            let en = try await client.execute(uri: "/login?lang=en", method: .get)
            #expect(en.text.contains("User name"))
            #expect(en.headers[.setCookie]?.contains("rd_lang=en") == true)
        }
    }

    @Test("an error page names the status in the page's language, from its template")
    func errorPage() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let zh = try await client.execute(uri: "/cases/999999", method: .get, headers: h.headers(.operator, json: false))
            #expect(zh.status == .notFound)
            #expect(zh.text.contains("<h2>404 未找到</h2>"))
            let en = try await client.execute(uri: "/cases/999999?lang=en", method: .get, headers: h.headers(.operator, json: false))
            #expect(en.text.contains("<h2>404 Not Found</h2>"))
        }
    }

    @Test("the case page highlights evidence and offers only the role's legal actions")
    func casePageActions() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let created = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                   body: ByteBuffer(text: ServerHarness.intake))
            let id = try #require(created.json["id"] as? Int)
            let op = try await client.execute(uri: "/cases/\(id)", method: .get, headers: h.headers(.operator, json: false))
            #expect(op.text.contains("data-event=\"triage\""))
            #expect(!op.text.contains("data-event=\"reject\""))
            #expect(!op.text.contains("data-event=\"close\""))
            let sup = try await client.execute(uri: "/cases/\(id)", method: .get, headers: h.headers(.supervisor, json: false))
            #expect(sup.text.contains("data-event=\"reject\""))
            #expect(op.text.contains("<mark>"))
        }
    }

    @Test("highlighting wraps UTF-8 byte ranges and escapes the rest")
    func highlight() {
        let text = "先交<押金>300元"
        let start = "先交<".utf8.count, end = start + "押金".utf8.count
        let html = ServerApp.highlight(text, [.init(field: "description", start: start, end: end, excerpt: "押金")])
        #expect(html == "先交&lt;<mark>押金</mark>&gt;300元")
    }

    @Test("the dashboard draws SVG charts for a supervisor")
    func dashboard() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            _ = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                         body: ByteBuffer(text: ServerHarness.intake))
            let page = try await client.execute(uri: "/dashboard", method: .get, headers: h.headers(.supervisor, json: false))
            #expect(page.status == .ok)
            #expect(page.text.components(separatedBy: "<svg").count - 1 == 3)  // no flagged entity yet: no fourth chart
            #expect(page.text.contains("id=\"flagged-panel\""))
            #expect(page.text.contains("劳动监察"))
        }
    }

    @Test("the case page shows verdict, deadline state, severity and referral targets in Chinese, and in English with the switch")
    func codesTranslated() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let created = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                   body: ByteBuffer(text: ServerHarness.intake))
            let id = try #require(created.json["id"] as? Int)
            _ = try await client.execute(uri: "/api/v1/cases/\(id)/transition", method: .post, headers: h.headers(.operator),
                                         body: ByteBuffer(text: #"{"event":"triage"}"#))
            let zh = try await client.execute(uri: "/cases/\(id)", method: .get, headers: h.headers(.operator, json: false))
            let deadline = try #require(zh.text.firstMatch(of: /id="deadline">(.*?)<\/p>/)?.1)
            #expect(deadline.contains("计时中"))
            #expect(!deadline.contains("running"))
            let verdict = try #require(zh.text.firstMatch(of: /id="verdict">(.*?)<\/p>/)?.1)
            #expect(!verdict.contains("likelyFraud") && !verdict.contains("suspicious") && !verdict.contains("clean"))
            #expect(verdict.contains("风险分"))
            #expect(zh.text.contains("<option value=\"laborInspection\">劳动保障监察</option>"))
            let en = try await client.execute(uri: "/cases/\(id)?lang=en", method: .get, headers: h.headers(.operator, json: false))
            #expect(en.text.firstMatch(of: /id="deadline">(.*?)<\/p>/)?.1.contains("running") == true)
            #expect(en.text.contains("labour inspection"))
            #expect(en.text.contains("score"))
        }
    }
}
