import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import CaseCore
import Testing
@testable import RightsDeskServer

@Suite("Accounts, roles and sessions")
struct AccessTests {
    static func uri(_ route: ServerRoute) -> String { route.path.replacingOccurrences(of: ":id", with: "1") }

    @Test("every protected route refuses an unauthenticated request (401, or a redirect to /login for pages)")
    func unauthenticatedRefused() async throws {
        let h = try ServerHarness()
        let routes = h.server.routes.filter { $0.action != nil }
        #expect(routes.count > 20)
        try await h.test { client in
            for route in routes {
                let r = try await client.execute(uri: Self.uri(route), method: route.method, headers: h.headers(nil),
                                                 body: ByteBuffer(text: "{}"))
                switch route.surface {
                case .api, .asset:
                    #expect(r.status == .unauthorized, "\(route.method) \(route.path)")
                case .page:
                    #expect(r.status == .seeOther, "\(route.method) \(route.path)")
                    #expect(r.headers[.location]?.hasPrefix("/login") == true, "\(route.method) \(route.path)")
                }
            }
        }
    }

    @Test("every protected route refuses every role the permission table does not allow (403)")
    func wrongRoleRefused() async throws {
        let h = try ServerHarness()
        let checked = try await h.test { client in
            var count = 0
            for route in h.server.routes {
                guard let action = route.action else { continue }
                for role in Role.allCases where !Permissions.allows(role, action) {
                    let r = try await client.execute(uri: Self.uri(route), method: route.method,
                                                     headers: h.headers(role), body: ByteBuffer(text: "{}"))
                    #expect(r.status == .forbidden, "\(role) \(route.method) \(route.path)")
                    count += 1
                }
            }
            return count
        }
        #expect(checked > 20)
    }

    @Test("a bad token is refused like no token; a disabled user's token stops working")
    func badAndDisabledTokens() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer not-a-token"
            let bad = try await client.execute(uri: "/api/v1/cases", method: .get, headers: headers)
            #expect(bad.status == .unauthorized)
            try h.server.accounts.setDisabled("u-operator", true)
            let disabled = try await client.execute(uri: "/api/v1/cases", method: .get, headers: h.headers(.operator))
            #expect(disabled.status == .unauthorized)
        }
    }

    @Test("API login returns a bearer token that works; failed logins are rate-limited with 429")
    func loginAndRateLimit() async throws {
        let h = try ServerHarness(maxFailedLogins: 3)
        try await h.test { client in
            let ok = try await client.execute(uri: "/api/v1/auth/login", method: .post, headers: h.headers(nil),
                                              body: ByteBuffer(text: #"{"username":"u-legal","password":"password-legal"}"#))
            #expect(ok.status == .ok)
            let token = try #require(ok.json["token"] as? String)
            var auth = HTTPFields()
            auth[.authorization] = "Bearer \(token)"
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: auth)
            #expect(me.json["role"] as? String == "legal")
            for _ in 0..<3 {
                let wrong = try await client.execute(uri: "/api/v1/auth/login", method: .post, headers: h.headers(nil),
                                                     body: ByteBuffer(text: #"{"username":"u-operator","password":"guess-guess"}"#))
                #expect(wrong.status == .unauthorized)
            }
            let blocked = try await client.execute(uri: "/api/v1/auth/login", method: .post, headers: h.headers(nil),
                                                   body: ByteBuffer(text: #"{"username":"u-operator","password":"password-operator"}"#))
            #expect(blocked.status == .tooManyRequests)
        }
    }

    @Test("a cookie session needs the CSRF token on a POST; the cookie is HttpOnly and SameSite=Strict")
    func cookieSessionAndCSRF() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            var form = HTTPFields()
            form[.contentType] = "application/x-www-form-urlencoded"
            let login = try await client.execute(uri: "/login", method: .post, headers: form,
                                                 body: ByteBuffer(text: "username=u-operator&password=password-operator"))
            #expect(login.status == .seeOther)
            let setCookie = try #require(login.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Strict"))
            let token = try #require(setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last)
            var cookie = HTTPFields()
            cookie[.cookie] = "rd_session=\(token)"
            cookie[.contentType] = "application/x-www-form-urlencoded"
            let intakePage = try await client.execute(uri: "/intake", method: .get, headers: cookie)
            #expect(intakePage.status == .ok)
            let csrf = try #require(intakePage.text.firstMatch(of: /name="_csrf" value="([0-9a-f]+)"/)?.1)
            let body = "kind=complaint&channel=hotline&priority=normal&narrative=%E6%8B%96%E6%AC%A0%E5%B7%A5%E8%B5%84"
            let noToken = try await client.execute(uri: "/intake", method: .post, headers: cookie, body: ByteBuffer(text: body))
            #expect(noToken.status == .forbidden)
            let withToken = try await client.execute(uri: "/intake", method: .post, headers: cookie,
                                                     body: ByteBuffer(text: body + "&_csrf=\(csrf)"))
            #expect(withToken.status == .seeOther)
            #expect(withToken.headers[.location]?.hasPrefix("/cases/") == true)
        }
    }

    @Test("reading a full personal record is audited; admin may not read it")
    func unmaskedReadIsAudited() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let created = try await client.execute(uri: "/api/v1/cases", method: .post, headers: h.headers(.operator),
                                                   body: ByteBuffer(text: ServerHarness.intake))
            let id = try #require(created.json["id"] as? Int)
            let byAdmin = try await client.execute(uri: "/api/v1/cases/\(id)?unmasked=true", method: .get,
                                                   headers: h.headers(.admin))
            #expect(byAdmin.status == .forbidden)
            let full = try await client.execute(uri: "/api/v1/cases/\(id)?unmasked=true", method: .get,
                                                headers: h.headers(.legal))
            #expect(full.status == .ok)
            #expect(full.text.contains("13812345678"))
            let events = (full.json["events"] as? [[String: Any]]) ?? []
            #expect(events.contains { $0["name"] as? String == "viewPersonalData" && $0["actor"] as? String == "u-legal" })
        }
    }

    @Test("the role table in docs/security.md matches Permissions")
    func securityDocMatches() throws {
        let doc = try String(contentsOf: ServerHarness.repoRoot.appendingPathComponent("docs/security.md"), encoding: .utf8)
        for action in Action.allCases {
            let roles = Permissions.roles(for: action).map(\.rawValue).joined(separator: ", ")
            #expect(doc.contains("| `\(action.rawValue)` | \(roles) |"), "out of date: \(action.rawValue)")
        }
        for event in WorkflowEvent.allCases {
            let roles = Permissions.roles(for: event).map(\.rawValue).joined(separator: ", ")
            #expect(doc.contains("| `\(event.rawValue)` | \(roles) |"), "out of date: \(event.rawValue)")
        }
    }

    @Test("the first start creates admin with a random password once; later starts create nothing")
    func bootstrapAdmin() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rd-boot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = ServerConfig(databasePath: directory.appendingPathComponent("db.sqlite").path,
                                  rulesDirectory: ServerHarness.rules, bcryptCost: 4)
        let server = try ServerApp.make(config, logger: .init(label: "test"))
        let password = try #require(try server.bootstrapAdmin())
        #expect(password.count == 16)
        #expect(try server.accounts.verify("admin", password: password)?.role == .admin)
        #expect(try server.accounts.verify("admin", password: password + "x") == nil)
        #expect(try server.bootstrapAdmin() == nil)
        let again = try ServerApp.make(config, logger: .init(label: "test"))  // reopening with server.* migrations
        #expect(try again.bootstrapAdmin() == nil)
    }
}
