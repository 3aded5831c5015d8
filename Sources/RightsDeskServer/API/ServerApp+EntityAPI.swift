import CaseEngine
import CaseStore
import EntityKit
import Foundation
import Hummingbird

extension ServerApp {
    /// The entity routes of the JSON API: the entity index, one entity, its cases, and the audited watchlist.
    var entityAPIRoutes: [ServerRoute] {
        let v = "/api/v1/entities"
        return [
            ServerRoute(.get, v, .entityRead, .api) { try self.apiEntities($0, $1) },
            ServerRoute(.get, "\(v)/:id", .entityRead, .api) { try self.apiEntity($0, $1) },
            ServerRoute(.get, "\(v)/:id/cases", .entityRead, .api) { try self.apiEntityCases($0, $1) },
            ServerRoute(.post, "\(v)/:id/watch", .entityWatch, .api) { try self.apiWatch($0, $1) },
            ServerRoute(.post, "\(v)/:id/unwatch", .entityWatch, .api) { try self.apiUnwatch($0, $1) },
        ]
    }

    func apiEntities(_ request: Request, _ context: ServerContext) throws -> Response {
        let query = try EntityQuery(request.uri.queryParameters)
        return try Self.json(EntityPage(items: try entityItems(query), limit: query.limit, offset: query.offset,
                                        masked: true))
    }

    func apiEntity(_ request: Request, _ context: ServerContext) throws -> Response {
        let unmasked = request.uri.queryParameters["unmasked"] == "true"
        return try Self.json(try entityView(try entityParameter(context), unmasked: unmasked, via: "api",
                                            context: context))
    }

    func apiEntityCases(_ request: Request, _ context: ServerContext) throws -> Response {
        let limit = min(max(Int(request.uri.queryParameters["limit"].map(String.init) ?? "") ?? 100, 1), 500)
        let (entity, _) = try EntityReference.resolve(try entityParameter(context), store: service.store)
        do {
            return try Self.json(EntityCases(items: try service.store.cases(naming: entity, limit: limit), limit: limit))
        } catch let error as StoreError { throw EngineError.store(error) }
    }

    func apiWatch(_ request: Request, _ context: ServerContext) throws -> Response {
        let body = try BodyDecoder.decode(ReasonBody.self, from: context.body)
        let view = try watch(try entityParameter(context), reason: body.reason, context: context)
        return try Self.json(view, status: .created)
    }

    func apiUnwatch(_ request: Request, _ context: ServerContext) throws -> Response {
        let body = try BodyDecoder.decode(ReasonBody.self, from: context.body)
        return try Self.json(try unwatch(try entityParameter(context), reason: body.reason, context: context))
    }

    // MARK: - Shared with the entity pages

    /// The entities of a query, masked (lists always are), with their ids.
    func entityItems(_ query: EntityQuery) throws -> [EntityListItem] {
        let store = service.store
        do {
            var rows: [(EntityRecord, EntityFlagSummary?)]
            if query.flagged {
                rows = try service.flaggedIntermediaries(days: query.days ?? 90, limit: 1_000)
                    .filter { (query.kind == nil || $0.entity.entity.kind == query.kind) && (!query.watchedOnly || $0.entity.watched) }
                    .map { ($0.entity, $0) }
            } else {
                let since = query.days.map { service.currentTime.addingTimeInterval(-Double($0) * 86_400) }
                rows = try store.entities(kind: query.kind, since: since, watchedOnly: query.watchedOnly,
                                          limit: query.offset + query.limit).map { ($0, nil) }
            }
            rows = Array(rows.dropFirst(query.offset).prefix(query.limit))
            let ids = try store.entityIDs(rows.map(\.0.entity))
            return rows.map { EntityListItem($0.0, id: ids[$0.0.entity], masked: true, summary: $0.1) }
        } catch let error as StoreError {
            throw EngineError.store(error)
        }
    }

    /// One entity; `unmasked` needs `entity.readPersonal` and is audited (`viewPersonal`, through `via`).
    func entityView(_ reference: String, unmasked: Bool, via: String, context: ServerContext) throws -> EntityView {
        if unmasked { try require(.entityReadPersonal, context) }
        let (entity, id) = try EntityReference.resolve(reference, store: service.store)
        if unmasked {
            let by = try actor(context)
            do {
                try service.store.auditUnmaskedRead(entity, actor: by, via: via, at: service.currentTime)
            } catch { throw EngineError.store(error) }
        }
        let detail = try service.entityDetail(entity)
        return EntityView(id: id, detail: detail, masked: !unmasked, registry: registry,
                          language: context.language.rawValue)
    }

    /// Puts an entity on the watchlist (audited). A `KIND:VALUE` not yet indexed is indexed by the watch.
    func watch(_ reference: String, reason: String, context: ServerContext) throws -> EntityView {
        let why = try Self.reason(reason)
        let entity: Entity
        do {
            entity = try EntityReference.resolve(reference, store: service.store).entity
        } catch EngineError.notFound where Int64(reference) == nil {
            entity = try EntityReference.parse(reference.removingPercentEncoding ?? reference)
        }
        let by = try actor(context)
        do {
            try service.store.watch(entity, display: entity.value, reason: why, actor: by, at: service.currentTime)
        } catch { throw EngineError.store(error) }
        return try entityView(entity.description, unmasked: false, via: "", context: context)
    }

    /// Takes an entity off the watchlist (audited); 404 when it is not watched.
    func unwatch(_ reference: String, reason: String, context: ServerContext) throws -> EntityView {
        let why = try Self.reason(reason)
        let (entity, _) = try EntityReference.resolve(reference, store: service.store)
        let by = try actor(context)
        do {
            try service.store.unwatch(entity, reason: why, actor: by, at: service.currentTime)
        } catch { throw EngineError.store(error) }
        return try entityView(entity.description, unmasked: false, via: "", context: context)
    }

    static func reason(_ text: String) throws -> String {
        let why = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw APIError.invalid("reason", "必填 / required") }
        guard why.count <= 500 else { throw APIError.invalid("reason", "最多 500 字 / at most 500 characters") }
        return why
    }

    func entityParameter(_ context: ServerContext) throws -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty, id.count <= 600 else {
            throw APIError.badRequest("id", "缺少实体编号 / missing entity id")
        }
        return id
    }
}

/// The cases naming an entity.
struct EntityCases: Encodable {
    var items: [EntityCaseRef]
    var limit: Int
}
