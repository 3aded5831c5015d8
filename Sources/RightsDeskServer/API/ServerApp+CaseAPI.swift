import CaseCore
import CaseEngine
import CaseStore
import Foundation
import Hummingbird

extension ServerApp {
    /// The JSON API's routes (under `/api/v1`), each with the action it needs.
    var apiRoutes: [ServerRoute] {
        let v = "/api/v1"
        return [
            ServerRoute(.post, "\(v)/auth/login", nil, .api, async: { try await self.apiLogin($0, $1) }),
            ServerRoute(.post, "\(v)/auth/logout", .session, .api) { try self.apiLogout($0, $1) },
            ServerRoute(.get, "\(v)/me", .session, .api) { try self.apiMe($0, $1) },
            ServerRoute(.post, "\(v)/cases", .caseCreate, .api) { try self.apiCreate($0, $1) },
            ServerRoute(.get, "\(v)/cases", .caseRead, .api) { try self.apiList($0, $1) },
            ServerRoute(.get, "\(v)/cases/search", .caseRead, .api) { try self.apiSearch($0, $1) },
            ServerRoute(.get, "\(v)/cases/:id", .caseRead, .api) { try self.apiShow($0, $1) },
            ServerRoute(.post, "\(v)/cases/:id/transition", .caseTransition, .api) { try self.apiTransition($0, $1) },
            ServerRoute(.post, "\(v)/cases/:id/assign", .caseAssign, .api) { try self.apiAssign($0, $1) },
            ServerRoute(.post, "\(v)/cases/:id/notes", .caseNote, .api) { try self.apiNote($0, $1) },
            ServerRoute(.post, "\(v)/cases/:id/links", .caseLink, .api) { try self.apiLink($0, $1) },
            ServerRoute(.post, "\(v)/cases/:id/merge", .caseMerge, .api) { try self.apiMerge($0, $1) },
            ServerRoute(.post, "\(v)/scan", .scan, .api) { try self.apiScan($0, $1) },
            ServerRoute(.get, "\(v)/legal/queue", .legalRead, .api) { try self.apiLegalQueue($0, $1) },
            ServerRoute(.get, "\(v)/legal/cases/:id/routes", .legalRead, .api) { try self.apiLegalRoutes($0, $1) },
            ServerRoute(.post, "\(v)/legal/cases/:id/advice", .legalWrite, .api) { try self.apiLegalAdvice($0, $1) },
            ServerRoute(.post, "\(v)/legal/cases/:id/outcome", .legalWrite, .api) { try self.apiLegalOutcome($0, $1) },
            ServerRoute(.get, "\(v)/reports/summary", .reports, .api) { try self.apiSummary($0, $1) },
            ServerRoute(.post, "\(v)/admin/reload", .modulesReload, .api) { try self.apiReload($0, $1) },
        ]
    }

    // MARK: - Cases

    func apiCreate(_ request: Request, _ context: ServerContext) throws -> Response {
        _ = try BodyDecoder.decode(JSONValue.self, from: context.body)  // 400 for non-JSON before intake checks
        let intake = try CaseIntake.parse(json: context.body)
        let view = try service.open(intake, actor: try actor(context))
        recordEntityFlags(view.record)  // as the web form and `case open` do: scripts' intakes flag intermediaries too
        return try Self.json(view, status: .created)
    }

    func apiShow(_ request: Request, _ context: ServerContext) throws -> Response {
        let unmasked = request.uri.queryParameters["unmasked"] == "true"
        if unmasked { try require(.caseReadPersonal, context) }
        let view = try service.show(try caseID(context), unmasked: unmasked, actor: try actor(context))
        return try Self.json(view)
    }

    func apiList(_ request: Request, _ context: ServerContext) throws -> Response {
        let query = try CaseQuery(request.uri.queryParameters)
        let items = try service.list(query.filter, overdueOnly: query.overdueOnly)
        let total: Int
        do { total = try service.store.count(query.filter) } catch { throw EngineError.store(error) }
        return try Self.json(CasePage(items: items, limit: query.filter.limit, offset: query.filter.offset,
                                      total: query.overdueOnly ? nil : total))
    }

    func apiSearch(_ request: Request, _ context: ServerContext) throws -> Response {
        guard let q = request.uri.queryParameters["q"].map(String.init)?.trimmingCharacters(in: .whitespaces), !q.isEmpty
        else { throw APIError.badRequest("q", "缺少查询词 / missing query") }
        guard q.count <= 200 else { throw APIError.badRequest("q", "查询词过长 / query too long") }
        let limit = min(max(Int(request.uri.queryParameters["limit"].map(String.init) ?? "") ?? 20, 1), 200)
        return try Self.json(CasePage(items: try service.search(q, limit: limit), limit: limit, offset: 0, total: nil))
    }

    func apiTransition(_ request: Request, _ context: ServerContext) throws -> Response {
        let body = try BodyDecoder.decode(TransitionBody.self, from: context.body)
        guard let event = WorkflowEvent(rawValue: body.event) else {
            throw APIError.invalid("event", "未知事件 / unknown event \(body.event.prefix(40))")
        }
        let req = TransitionRequest(event, reason: body.reason, assignee: body.assignee, department: body.department,
                                    authority: body.authority, basis: body.basis)
        return try Self.json(try transition(req, context: context, expectedVersion: body.expectedVersion))
    }

    func apiAssign(_ request: Request, _ context: ServerContext) throws -> Response {
        let body = try BodyDecoder.decode(AssignBody.self, from: context.body)
        guard body.assignee != nil || body.department != nil else {
            throw APIError.invalid("assignee", "需要承办人或部门 / assignee or department required")
        }
        let req = TransitionRequest(.assign, assignee: body.assignee, department: body.department)
        return try Self.json(try transition(req, context: context, expectedVersion: body.expectedVersion))
    }

    /// Applies a workflow event after checking that the caller's role may apply it.
    func transition(_ req: TransitionRequest, context: ServerContext, expectedVersion: Int?) throws -> CaseView {
        guard let principal = context.principal, Permissions.allows(principal.role, event: req.event) else {
            throw APIError.forbidden(context.language)
        }
        return try service.transition(try caseID(context), req, expectedVersion: expectedVersion,
                                      actor: principal.username)
    }

    func apiNote(_ request: Request, _ context: ServerContext) throws -> Response {
        let body = try BodyDecoder.decode(NoteBody.self, from: context.body)
        return try Self.json(try service.note(try caseID(context), text: body.text, actor: try actor(context)),
                             status: .created)
    }

    func apiLink(_ request: Request, _ context: ServerContext) throws -> Response {
        let body = try BodyDecoder.decode(LinkBody.self, from: context.body)
        guard let type = LinkType(rawValue: body.type) else { throw APIError.invalid("type", "未知关联类型 / unknown link type") }
        let view = try service.link(try caseID(context), to: body.to, type: type, reason: body.reason,
                                    actor: try actor(context))
        return try Self.json(view, status: .created)
    }

    func apiMerge(_ request: Request, _ context: ServerContext) throws -> Response {
        let body = try BodyDecoder.decode(MergeBody.self, from: context.body)
        let view = try service.merge(try caseID(context), into: body.into, reason: body.reason,
                                     expectedVersion: body.expectedVersion, actor: try actor(context))
        return try Self.json(view)
    }

    func apiSummary(_ request: Request, _ context: ServerContext) throws -> Response {
        try Self.json(try service.summary())
    }

    // MARK: - Helpers

    func caseID(_ context: ServerContext) throws -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty, id.count <= 64 else {
            throw APIError.badRequest("id", "缺少案件编号 / missing case id")
        }
        return id
    }

    func actor(_ context: ServerContext) throws -> String {
        guard let principal = context.principal else { throw APIError.unauthenticated(context.language) }
        return principal.username
    }

    func require(_ action: Action, _ context: ServerContext) throws {
        guard let principal = context.principal else { throw APIError.unauthenticated(context.language) }
        guard Permissions.allows(principal.role, action) else { throw APIError.forbidden(context.language) }
    }
}

/// A page of cases.
struct CasePage: Encodable {
    var items: [CaseView]
    var limit: Int
    var offset: Int
    var total: Int?
}

/// Any JSON value (used only to tell malformed JSON from well-formed but invalid input).
struct JSONValue: Decodable {
    init(from decoder: any Decoder) throws {}
}
