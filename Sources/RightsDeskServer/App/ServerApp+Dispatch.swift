import CaseCore
import CaseEngine
import Foundation
import HTTPTypes
import Hummingbird

extension ServerApp {
    static let sessionCookie = "rd_session"
    static let languageCookie = "rd_lang"

    /// Runs one route: language, authentication, the role check, CSRF for cookie sessions, the body limit, then
    /// the handler; every error becomes a JSON error (API) or an error page (web UI).
    func dispatch(_ route: ServerRoute, _ request: Request, _ incoming: ServerContext) async -> Response {
        var context = incoming
        context.language = Self.language(of: request)
        do {
            context.principal = try await principal(of: request)
            if let action = route.action {
                guard let principal = context.principal else {
                    if route.surface == .page {
                        return Self.redirect("/login?next=" + Self.percentEncode(request.uri.path))
                    }
                    throw APIError.unauthenticated(context.language)
                }
                guard Permissions.allows(principal.role, action) else { throw APIError.forbidden(context.language) }
            }
            var body = Data()
            if request.method == .post || request.method == .put || request.method == .patch {
                body = try await collect(request)
                if let principal = context.principal, principal.via == .cookie {
                    try checkCSRF(request, body: body, principal: principal)
                }
            }
            context.body = body
            var response: Response
            switch route.handler {
            case let .blocking(handler):
                let ready = context
                response = try await blockingPool.runIfActive { try handler(request, ready) }
            case let .async(handler):
                response = try await handler(request, context)
            }
            if let lang = request.uri.queryParameters["lang"].map(String.init), Language(rawValue: lang) != nil {
                response.setCookie(Cookie(name: Self.languageCookie, value: lang, path: "/", httpOnly: true,
                                          sameSite: .strict))
            }
            return response
        } catch {
            return errorResponse(Self.apiError(error, context.language), surface: route.surface, context: context)
        }
    }

    /// The principal of a bearer token (scripts) or a session cookie (web UI), or nil.
    ///
    /// A session in the cache is answered on the calling task; only a cache miss hops to the blocking pool for
    /// the database read.
    func principal(of request: Request) async throws -> Principal? {
        guard let (token, via) = Self.credentials(request) else { return nil }
        let now = config.now()
        if let cached = accounts.cachedPrincipal(token: token, via: via, now: now) { return cached }
        return try await blockingPool.runIfActive { try self.accounts.principal(token: token, via: via, now: now) }
    }

    /// The token a request carries and how: `Authorization: Bearer …` (only that, if the header is present), else
    /// the session cookie.
    static func credentials(_ request: Request) -> (token: String, via: Principal.Via)? {
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer ") else { return nil }
            return (String(header.dropFirst(7)), .bearer)
        }
        if let token = request.cookies[sessionCookie]?.value { return (token, .cookie) }
        return nil
    }

    /// A state-changing request on a cookie session must carry the session's CSRF token, in the
    /// `X-CSRF-Token` header (scripts of the UI) or the `_csrf` form field (forms).
    func checkCSRF(_ request: Request, body: Data, principal: Principal) throws {
        let header = HTTPField.Name("X-CSRF-Token").flatMap { request.headers[$0] }
        let field = FormBody(body)["_csrf"]
        guard let given = header ?? field, Self.constantTimeEqual(given, principal.csrf) else { throw APIError.csrf }
    }

    /// The request body, refused with 413 above `config.maxBodyBytes`.
    func collect(_ request: Request) async throws -> Data {
        let limit = config.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.tooLarge(limit)
        }
        var data = Data()
        for try await chunk in request.body {
            guard data.count + chunk.readableBytes <= limit else { throw APIError.tooLarge(limit) }
            data.append(contentsOf: chunk.readableBytesView)
        }
        return data
    }

    static func apiError(_ error: any Error, _ language: Language) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as EngineError: return APIError(error, language)
        case let error as AccountError:
            return APIError(.internalServerError, "accounts", language == .zh ? "账户数据库错误" : "account database error")
                .with(detail: error)
        default:
            return APIError(.internalServerError, "internal", language == .zh ? "服务器内部错误" : "internal error")
        }
    }

    func errorResponse(_ error: APIError, surface: ServerRoute.Surface, context: ServerContext) -> Response {
        if error.status == .internalServerError {
            logger.error("request failed", metadata: ["error.code": "\(error.code)"])
        }
        switch surface {
        case .api, .asset:
            return Self.json(error.json, status: error.status)
        case .page:
            let lang = context.language
            let model: [String: Any] = ["t": Templates.texts(lang), "code": "\(error.status.code)",
                                        "reason": Self.statusName(error.status, lang), "message": error.message]
            let page = Page(title: Strings.text(.error, lang), context: context, active: nil, template: "error",
                            model: model)
            return Self.html(page.render(), status: error.status)
        }
    }

    /// The name of an error status in the page's language (HTTP's reason phrase in English).
    static func statusName(_ status: HTTPResponse.Status, _ lang: Language) -> String {
        guard lang == .zh else { return status.reasonPhrase }
        switch status.code {
        case 400: return "请求无效"
        case 401: return "请先登录"
        case 403: return "无权执行此操作"
        case 404: return "未找到"
        case 409: return "数据已被他人修改"
        case 413: return "提交内容过大"
        case 422: return "无法处理的请求"
        case 429: return "请求过于频繁"
        default: return status.code >= 500 ? "服务器内部错误" : status.reasonPhrase
        }
    }

    static func language(of request: Request) -> Language {
        if let q = request.uri.queryParameters["lang"], let lang = Language(rawValue: String(q)) { return lang }
        if let c = request.cookies[languageCookie]?.value, let lang = Language(rawValue: c) { return lang }
        return .zh
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension APIError {
    /// Keeps the code and status; the detail goes to the server log only (never to the client).
    func with(detail: any Error) -> APIError { self }
}
