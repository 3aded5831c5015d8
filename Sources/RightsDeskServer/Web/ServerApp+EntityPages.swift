import CaseCore
import CaseStore
import EntityKit
import Foundation
import Hummingbird

extension ServerApp {
    /// The entity pages: the index (flagged and watched first), one entity, and the watchlist forms.
    var entityPageRoutes: [ServerRoute] {
        [
            ServerRoute(.get, "/entities", .entityRead, .page) { try self.entitiesPage($0, $1) },
            ServerRoute(.get, "/entities/:id", .entityRead, .page) { try self.entityPage($0, $1) },
            ServerRoute(.post, "/entities/:id/watch", .entityWatch, .page) { try self.watchSubmit($0, $1) },
            ServerRoute(.post, "/entities/:id/unwatch", .entityWatch, .page) { try self.unwatchSubmit($0, $1) },
        ]
    }

    /// The entity index with filters; by default the flagged intermediaries of the last 90 days.
    func entitiesPage(_ request: Request, _ context: ServerContext) throws -> Response {
        let lang = context.language
        let params = request.uri.queryParameters
        var query = try EntityQuery(params)
        if params["flagged"] == nil, params["kind"] == nil, params["watched"] == nil { query.flagged = true }
        let items = try entityItems(query)
        struct Option { var value: String; var label: String; var selected: Bool }
        struct Rule { var id: String; var name: String; var count: Int }
        struct Row {
            var kind, display, lastSeen: String
            var href: String?
            var watched: Bool
            var cases, postings: Int
            var rules: [Rule]
        }
        struct Model {
            var t: [String: String]
            var lang: String
            var kinds: [Option]
            var flagged, watched, hasRows: Bool
            var rows: [Row]
        }
        let rows = items.map { item in
            Row(kind: EntityKind(rawValue: item.kind).map { CodeLabels.entityKind($0, lang) } ?? item.kind,
                display: item.display, lastSeen: Self.formatDate(item.lastSeen), href: item.id.map { "/entities/\($0)" },
                watched: item.watched, cases: item.caseCount, postings: item.postingCount,
                rules: (item.rules ?? [:]).sorted { $0.key < $1.key }.map { Rule(id: $0.key, name: ruleName($0.key, lang), count: $0.value) })
        }
        let model = Model(t: Templates.texts(lang), lang: lang.rawValue,
                          kinds: EntityKind.allCases.map { Option(value: $0.rawValue, label: CodeLabels.entityKind($0, lang), selected: query.kind == $0) },
                          flagged: query.flagged, watched: query.watchedOnly, hasRows: !rows.isEmpty, rows: rows)
        let page = Page(title: Strings.text(.entities, lang), context: context, active: .entities, template: "entities",
                        model: model)
        return Self.html(page.render())
    }

    /// One entity: counts, flags with evidence and legal basis, linked cases, watchlist and its audit log.
    /// `?full=1` shows contact values unmasked (`entity.readPersonal`, audited).
    func entityPage(_ request: Request, _ context: ServerContext) throws -> Response {
        let full = request.uri.queryParameters["full"] == "1"
        let view = try entityView(try entityParameter(context), unmasked: full, via: "web", context: context)
        let lang = context.language
        let page = Page(title: "\(CodeLabels.entityKind(EntityKind(rawValue: view.kind) ?? .company, lang)) \(view.display)",
                        context: context, active: .entities, template: "entity",
                        model: EntityPageModel(view, context: context))
        return Self.html(page.render())
    }

    func watchSubmit(_ request: Request, _ context: ServerContext) throws -> Response {
        let view = try watch(try entityParameter(context), reason: FormBody(context.body)["reason"] ?? "", context: context)
        return Self.redirect("/entities/\(view.id)")
    }

    func unwatchSubmit(_ request: Request, _ context: ServerContext) throws -> Response {
        let view = try unwatch(try entityParameter(context), reason: FormBody(context.body)["reason"] ?? "", context: context)
        return Self.redirect("/entities/\(view.id)")
    }

    /// A rule id's name in `lang` (`watchlist` is the watchlist itself), or the id when no module has the rule.
    func ruleName(_ id: String, _ lang: Language) -> String {
        if id == "watchlist" { return Strings.text(.watched, lang) }
        return registry.rule(named: id)?.rule.name.text(in: lang.rawValue) ?? id
    }
}
