import CaseCore
import CaseEngine
import Foundation
import Hummingbird
import RuleKit

extension ServerApp {
    // MARK: - Auth

    /// `POST /api/v1/auth/login`: a bearer token for a script. Rate-limited per user name and client address.
    func apiLogin(_ request: Request, _ context: ServerContext) async throws -> Response {
        let body = try BodyDecoder.decode(LoginBody.self, from: context.body)
        let account = try await checkLogin(body.username, body.password, context: context)
        let session = try accounts.startSession(for: account, via: .bearer, lifetime: config.sessionLifetime,
                                                now: config.now())
        let expires = JSONOutput.isoFormatter().string(from: config.now().addingTimeInterval(config.sessionLifetime))
        return Self.json("{\"token\":\(JSONText.quote(session.token)),\"username\":\(JSONText.quote(account.username)),\"role\":\"\(account.role.rawValue)\",\"expiresAt\":\"\(expires)\"}")
    }

    /// Verifies a password under the login throttle: 429 when too many recent failures, 401 when wrong.
    func checkLogin(_ username: String, _ password: String, context: ServerContext) async throws -> UserAccount {
        let now = config.now()
        guard await throttle.allows(username: username, client: context.clientAddress, now: now) else {
            throw APIError(.tooManyRequests, "rate_limited", context.language == .zh
                ? "登录失败次数过多，请稍后再试" : "too many failed logins; try again later")
        }
        let accounts = self.accounts
        let verified = username.count <= 64 && password.count <= 256
            ? try await blockingPool.runIfActive { try accounts.verify(username, password: password) } : nil
        guard let account = verified else {
            await throttle.recordFailure(username: username, client: context.clientAddress, now: now)
            logger.notice("login failed")
            throw APIError(.unauthorized, "bad_credentials", context.language == .zh
                ? "用户名或密码错误" : "wrong user name or password")
        }
        await throttle.recordSuccess(username: username)
        return account
    }

    func apiLogout(_ request: Request, _ context: ServerContext) throws -> Response {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            try accounts.endSession(token: String(header.dropFirst(7)))
        } else if let token = request.cookies[Self.sessionCookie]?.value {
            try accounts.endSession(token: token)
        }
        return Response(status: .noContent)
    }

    func apiMe(_ request: Request, _ context: ServerContext) throws -> Response {
        guard let p = context.principal else { throw APIError.unauthenticated(context.language) }
        let actions = Action.allCases.filter { Permissions.allows(p.role, $0) }.map { "\"\($0.rawValue)\"" }
        return Self.json("{\"username\":\(JSONText.quote(p.username)),\"role\":\"\(p.role.rawValue)\",\"actions\":[\(actions.joined(separator: ","))]}")
    }

    // MARK: - Scan

    /// `POST /api/v1/scan`: a batch of postings through the module registry; one result per posting, in order.
    func apiScan(_ request: Request, _ context: ServerContext) throws -> Response {
        let body = try BodyDecoder.decode(ScanBody.self, from: context.body)
        guard !body.postings.isEmpty else { throw APIError.invalid("postings", "不能为空 / must not be empty") }
        guard body.postings.count <= config.maxScanBatch else {
            throw APIError(.contentTooLarge, "too_many_postings",
                           "一次最多 \(config.maxScanBatch) 条 / at most \(config.maxScanBatch) postings per request")
        }
        let lang = context.language.rawValue
        var lines: [String] = []
        for (index, posting) in body.postings.enumerated() {
            var fields: [SubjectField] = []
            // The fields `rightsdesk scan` reads by default (docs/cli.md), so both judge a posting alike.
            for (name, text) in [("title", posting.title), ("description", posting.description),
                                 ("company", posting.company), ("contact", posting.contact),
                                 ("salary", posting.salary), ("subtitle", posting.subtitle),
                                 ("welfare", posting.welfare), ("requirements", posting.requirements),
                                 ("companyIntro", posting.companyIntro)] {
                if let text { fields.append(SubjectField(name: name, text: text)) }
            }
            let id = posting.id ?? "#\(index + 1)"
            let evaluation = registry.evaluate(Subject(kind: .jobPosting, id: id, fields: fields))
            lines.append(ScanResultJSON.render(id: id, evaluation: evaluation, language: lang))
        }
        return Self.json("{\"results\":[\(lines.joined(separator: ","))]}")
    }

    // MARK: - Legal

    func apiLegalQueue(_ request: Request, _ context: ServerContext) throws -> Response {
        try Self.json(LegalQueueBody(items: try legal.queue()))
    }

    func apiLegalRoutes(_ request: Request, _ context: ServerContext) throws -> Response {
        try Self.json(try legal.routes(try caseID(context)))
    }

    func apiLegalAdvice(_ request: Request, _ context: ServerContext) throws -> Response {
        let body = try BodyDecoder.decode(NoteBody.self, from: context.body)
        return try Self.json(try legal.advise(try caseID(context), text: body.text, actor: try actor(context)))
    }

    func apiLegalOutcome(_ request: Request, _ context: ServerContext) throws -> Response {
        let body = try BodyDecoder.decode(NoteBody.self, from: context.body)
        return try Self.json(try legal.outcome(try caseID(context), text: body.text, actor: try actor(context)))
    }
}

struct LegalQueueBody: Encodable {
    var items: [LegalQueueItem]
}
