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
        let kindOptions = EntityKind.allCases.map {
            "<option value=\"\($0.rawValue)\"\(query.kind == $0 ? " selected" : "")>\(CodeLabels.entityKind($0, lang))</option>"
        }.joined()
        let page = Page(title: Strings.text(.entities, lang), context: context, active: .entities) {
            """
            <form method="get" action="/entities" class="filters card">
            <label>\(Strings.text(.kind, lang)) <select name="kind"><option value="">\(Strings.text(.all, lang))</option>\(kindOptions)</select></label>
            <label><input type="checkbox" name="flagged" value="true"\(query.flagged ? " checked" : "")> \(Strings.text(.flaggedOnly, lang))</label>
            <label><input type="checkbox" name="watched" value="true"\(query.watchedOnly ? " checked" : "")> \(Strings.text(.watchedOnly, lang))</label>
            <input type="hidden" name="lang" value="\(lang.rawValue)">
            <button>\(Strings.text(.filter, lang))</button>
            </form>
            \(EntityHTML.table(items, lang, ruleName: { self.ruleName($0, lang) }))
            """
        }
        return Self.html(page.render())
    }

    /// One entity: counts, flags with evidence and legal basis, linked cases, watchlist and its audit log.
    /// `?full=1` shows contact values unmasked (`entity.readPersonal`, audited).
    func entityPage(_ request: Request, _ context: ServerContext) throws -> Response {
        let full = request.uri.queryParameters["full"] == "1"
        let view = try entityView(try entityParameter(context), unmasked: full, via: "web", context: context)
        let lang = context.language
        let page = Page(title: "\(CodeLabels.entityKind(EntityKind(rawValue: view.kind) ?? .company, lang)) \(view.display)",
                        context: context, active: .entities) {
            """
            <div class="case-grid">
            <section class="card" id="entity-facts">\(EntityHTML.facts(view, context))</section>
            <section class="card" id="entity-watch">\(EntityHTML.watch(view, context))</section>
            <section class="card wide"><h2>\(Strings.text(.flags, lang))</h2>\(EntityHTML.flags(view, lang))</section>
            <section class="card wide"><h2>\(Strings.text(.linkedCases, lang))</h2>\(EntityHTML.cases(view.cases, lang))</section>
            </div>
            """
        }
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
