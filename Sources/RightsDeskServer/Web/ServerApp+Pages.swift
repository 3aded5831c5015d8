import CaseCore
import Foundation
import Hummingbird

extension ServerApp {
    /// The web UI's routes: pages (redirect to /login when signed out) and static assets.
    var pageRoutes: [ServerRoute] {
        [
            ServerRoute(.get, "/login", nil, .page) { try self.loginPage($0, $1) },
            ServerRoute(.post, "/login", nil, .page, async: { try await self.loginSubmit($0, $1) }),
            ServerRoute(.post, "/logout", .session, .page) { try self.logoutSubmit($0, $1) },
            ServerRoute(.get, "/", .session, .page) { _, context in
                Self.redirect(context.principal.map { Self.home(for: $0.role) } ?? "/login")
            },
            ServerRoute(.get, "/intake", .caseCreate, .page) { try self.intakePage($0, $1) },
            ServerRoute(.post, "/intake", .caseCreate, .page) { try self.intakeSubmit($0, $1) },
            ServerRoute(.get, "/queue", .caseRead, .page) { try self.queuePage($0, $1) },
            ServerRoute(.get, "/cases/:id", .caseRead, .page) { try self.casePage($0, $1) },
            ServerRoute(.post, "/cases/:id/transition", .caseTransition, .page) { try self.transitionSubmit($0, $1) },
            ServerRoute(.post, "/cases/:id/notes", .caseNote, .page) { try self.noteSubmit($0, $1) },
            ServerRoute(.get, "/legal", .legalRead, .page) { try self.legalPage($0, $1) },
            ServerRoute(.get, "/dashboard", .reports, .page) { try self.dashboardPage($0, $1) },
        ] + entityPageRoutes + [
            ServerRoute(.get, "/assets/app.js", nil, .asset) { _, _ in Assets.response(Assets.script, type: "text/javascript; charset=utf-8") },
            ServerRoute(.get, "/assets/app.css", nil, .asset) { _, _ in Assets.response(Assets.style, type: "text/css; charset=utf-8") },
        ]
    }

    static func home(for role: Role) -> String {
        switch role {
        case .operator: "/queue"
        case .legal: "/legal"
        case .supervisor, .admin: "/dashboard"
        }
    }

    func loginPage(_ request: Request, _ context: ServerContext, failed: Bool = false) throws -> Response {
        let lang = context.language
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        struct Model { var t: [String: String]; var failed: Bool; var next: String }
        let page = Page(title: Strings.text(.login, lang), context: context, active: nil, template: "login",
                        model: Model(t: Templates.texts(lang), failed: failed, next: next ?? ""))
        return Self.html(page.render(), status: failed ? .unauthorized : .ok)
    }

    /// Checks the password (rate-limited), starts a cookie session and redirects to `next` or the role's home.
    func loginSubmit(_ request: Request, _ context: ServerContext) async throws -> Response {
        let form = FormBody(context.body)
        let account: UserAccount
        do {
            account = try await checkLogin(form["username"] ?? "", form["password"] ?? "", context: context)
        } catch let error as APIError where error.code == "bad_credentials" {
            return try loginPage(request, context, failed: true)
        }
        let session = try accounts.startSession(for: account, via: .cookie, lifetime: config.sessionLifetime,
                                                now: config.now())
        var response = Self.redirect(Self.safeNext(form["next"]) ?? Self.home(for: account.role))
        response.setCookie(Cookie(name: Self.sessionCookie, value: session.token, maxAge: Int(config.sessionLifetime),
                                  path: "/", secure: config.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func logoutSubmit(_ request: Request, _ context: ServerContext) throws -> Response {
        if let token = request.cookies[Self.sessionCookie]?.value { try accounts.endSession(token: token) }
        var response = Self.redirect("/login")
        response.setCookie(Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", httpOnly: true,
                                  sameSite: .strict))
        return response
    }

    /// A local path to go back to after login; anything else (other hosts, `//x`) is ignored.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count < 200 else {
            return nil
        }
        return next
    }
}
