import CaseCore
import CaseStore
import EntityKit
import Foundation

/// The HTML pieces of the entity pages and the dashboard's flagged-intermediaries panel. Every value is escaped;
/// contact values arrive already masked unless the reader asked for (and may see) the full value.
enum EntityHTML {
    static func table(_ items: [EntityListItem], _ lang: Language, ruleName: (String) -> String) -> String {
        guard !items.isEmpty else { return "<p class=\"muted\">\(Strings.text(.noEntities, lang))</p>" }
        let head = [Strings.Key.kind, .entity, .caseCount, .postingCount, .flags, .lastSeen]
            .map { "<th>\(Strings.text($0, lang))</th>" }.joined()
        let rows = items.map { item -> String in
            let label = HTML.escape(item.display) + (item.watched ? " <span class=\"badge watched\">★</span>" : "")
            let link = item.id.map { "<a href=\"/entities/\($0)\">\(label)</a>" } ?? label
            return "<tr><td>\(kind(item.kind, lang))</td><td>\(link)</td><td>\(item.caseCount)</td><td>\(item.postingCount)</td>"
                + "<td>\(rules(item.rules ?? [:], ruleName))</td><td>\(Format.date(item.lastSeen))</td></tr>"
        }.joined()
        return "<table class=\"queue\" id=\"entities\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    static func facts(_ v: EntityView, _ context: ServerContext) -> String {
        let lang = context.language
        let windows = v.windows.map { (lang == .zh ? "近\($0.days)天 " : "\($0.days) d ") + "\($0.cases)/\($0.postings)" }.joined(separator: " · ")
        var out = """
            <p><b>\(Strings.text(.kind, lang))</b> \(kind(v.kind, lang)) · <b>\(Strings.text(.entity, lang))</b> <span id="entity-value">\(HTML.escape(v.value))</span>\(v.watched ? " <span class=\"badge watched\">★ \(Strings.text(.watched, lang))</span>" : "")</p>
            <p><b>\(Strings.text(.firstSeen, lang))</b> \(Format.date(v.firstSeen)) · <b>\(Strings.text(.lastSeen, lang))</b> \(Format.date(v.lastSeen))</p>
            <p><b>\(Strings.text(.caseCount, lang))</b> \(v.caseCount) · <b>\(Strings.text(.postingCount, lang))</b> \(v.postingCount)</p>
            <p><b>\(Strings.text(.recentCounts, lang))</b> \(windows)</p>
            """
        if !v.companies.isEmpty {
            out += "<p><b>\(Strings.text(.companies, lang))</b> \(v.companies.map(HTML.escape).joined(separator: "、"))</p>"
        }
        if !v.postings.isEmpty {
            out += "<p><b>\(Strings.text(.relatedPostings, lang))</b> \(v.postings.prefix(10).map(HTML.escape).joined(separator: ", "))</p>"
        }
        if v.masked, let p = context.principal, Permissions.allows(p.role, .entityReadPersonal),
           let kind = EntityKind(rawValue: v.kind), kind.isContact {
            out += "<p class=\"muted\">\(Strings.text(.masked, lang)) · <a href=\"/entities/\(v.id)?full=1\" id=\"entity-full\">\(Strings.text(.showPersonal, lang))</a></p>"
        }
        return out
    }

    /// The watch state, the form to change it (for `entity.watch`), and the audit log.
    static func watch(_ v: EntityView, _ context: ServerContext) -> String {
        let lang = context.language
        var out = "<h2>\(Strings.text(.watched, lang))</h2>"
        if let w = v.watch {
            out += "<p><b>\(Strings.text(.watchReason, lang))</b> \(HTML.escape(w.reason)) · \(HTML.escape(w.addedBy)) · \(Format.date(w.addedAt))</p>"
        }
        if let p = context.principal, Permissions.allows(p.role, .entityWatch) {
            let action = v.watched ? "unwatch" : "watch"
            out += """
                <form method="post" action="/entities/\(v.id)/\(action)" class="action" id="watch-form">\(Page.csrfField(context))\
                <input name="reason" required maxlength="500" placeholder="\(Strings.text(.reason, lang))">\
                <button id="entity-\(action)">\(Strings.text(v.watched ? .unwatch : .watch, lang))</button></form>
                """
        }
        guard !v.audit.isEmpty else { return out }
        let items = v.audit.reversed().map {
            "<li><time>\(Format.date($0.at))</time> <b>\(HTML.escape(CodeLabels.auditAction($0.action, lang)))</b> · \(HTML.escape($0.actor)) · \(HTML.escape($0.reason))</li>"
        }.joined()
        return out + "<h2>\(Strings.text(.audit, lang))</h2><ol class=\"timeline\" id=\"entity-audit\">\(items)</ol>"
    }

    static func flags(_ v: EntityView, _ lang: Language) -> String {
        guard !v.flags.isEmpty else { return "<p class=\"muted\">\(Strings.text(.nothing, lang))</p>" }
        let head = [Strings.Key.rule, .evidence, .citations, .number, .at].map { "<th>\(Strings.text($0, lang))</th>" }.joined()
        let rows = v.flags.map { f -> String in
            let source = f.caseId.map { "<a href=\"/cases/\($0)\">#\($0)</a>" } ?? HTML.escape(f.postingId ?? "—")
            let evidence = f.evidence.map { "<mark>\(HTML.escape($0))</mark>" }.joined(separator: " ")
            return "<tr class=\"sev-\(HTML.escape(f.severity ?? ""))\"><td title=\"\(HTML.escape(f.rule))\">\(HTML.escape(f.name))</td>"
                + "<td>\(evidence)</td><td>\(f.references.map(HTML.escape).joined(separator: "；"))</td><td>\(source)</td><td>\(Format.date(f.at))</td></tr>"
        }.joined()
        return "<table class=\"queue\" id=\"entity-flags\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    static func cases(_ refs: [EntityCaseRef], _ lang: Language) -> String {
        guard !refs.isEmpty else { return "<p class=\"muted\">\(Strings.text(.noCases, lang))</p>" }
        let head = [Strings.Key.number, .kind, .status, .entityRole, .at].map { "<th>\(Strings.text($0, lang))</th>" }.joined()
        let rows = refs.map { r in
            "<tr><td><a href=\"/cases/\(r.caseId)\">\(HTML.escape(r.number))</a></td><td>\(HTML.escape(CodeLabels.kind(r.kind, lang)))</td>"
                + "<td>\(HTML.escape(CodeLabels.status(r.status, lang)))</td><td>\(CodeLabels.entityRole(r.role, lang))</td><td>\(Format.date(r.at))</td></tr>"
        }.joined()
        return "<table class=\"queue\" id=\"entity-cases\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    /// The dashboard panel: a bar per flagged entity (flag sources), each bar a link to the entity page, and the
    /// rules that flagged it.
    static func dashboardPanel(_ items: [EntityListItem], _ lang: Language, ruleName: (String) -> String) -> String {
        let top = Array(items.prefix(8))
        guard !top.isEmpty else { return "<p class=\"muted\">\(Strings.text(.noEntities, lang))</p>" }
        let chart = Charts.horizontalBars(top.map { ($0.display, max($0.flagSources ?? 0, $0.caseCount)) },
                                          links: top.map { $0.id.map { "/entities/\($0)" } })
        let list = top.map { item -> String in
            let label = HTML.escape(item.display)
            let link = item.id.map { "<a href=\"/entities/\($0)\">\(label)</a>" } ?? label
            return "<li>\(kind(item.kind, lang)) \(link) — \(rules(item.rules ?? [:], ruleName))</li>"
        }.joined()
        return chart + "<ul class=\"flagged\" id=\"flagged-list\">\(list)</ul>"
    }

    static func kind(_ raw: String, _ lang: Language) -> String {
        HTML.escape(EntityKind(rawValue: raw).map { CodeLabels.entityKind($0, lang) } ?? raw)
    }

    /// Rule names (`ruleName` turns a rule id into its name in the page's language) with counts.
    static func rules(_ rules: [String: Int], _ ruleName: (String) -> String) -> String {
        rules.sorted { $0.key < $1.key }
            .map { "<span class=\"rule\" title=\"\(HTML.escape($0.key))\">\(HTML.escape(ruleName($0.key)))×\($0.value)</span>" }
            .joined(separator: " ")
    }
}

/// Date formatting shared by pages: China time, `2026-03-02 09:00`.
enum Format {
    static func date(_ date: Date) -> String { ServerApp.formatDate(date) }
}
