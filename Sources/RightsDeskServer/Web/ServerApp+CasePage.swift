import CaseCore
import CaseEngine
import Foundation
import Hummingbird
import RuleKit

extension ServerApp {
    /// A case: facts, parties (masked unless `?full=1`, which is audited), deadline, findings with highlighted
    /// evidence, timeline, and the workflow actions the user's role may apply from the current status.
    func casePage(_ request: Request, _ context: ServerContext) throws -> Response {
        let lang = context.language
        let full = request.uri.queryParameters["full"] == "1"
        if full { try require(.caseReadPersonal, context) }
        let view = try service.show(try caseID(context), unmasked: full, actor: try actor(context))
        let r = view.record
        let evaluation = registry.evaluate(Subject(kind: .jobPosting, id: r.number,
                                                   fields: [SubjectField(name: "description", text: r.narrative)]))
        let spans = evaluation.findings.flatMap { $0.evidence }.filter { $0.field == "description" }
        let page = Page(title: "\(Strings.text(.number, lang)) \(r.number)", context: context, active: .queue) {
            """
            <div class="case-grid">
            <section class="card facts" id="case-facts">
            <p><b>\(Strings.text(.kind, lang))</b> \(Labels.kind(r.kind, lang)) · <b>\(Strings.text(.status, lang))</b> <span id="case-status">\(Labels.status(r.status, lang))</span> · <b>\(Strings.text(.priority, lang))</b> \(Labels.priority(r.priority, lang)) · <b>\(Strings.text(.version, lang))</b> \(r.version)</p>
            <p><b>\(Strings.text(.department, lang))</b> \(HTML.escape(r.department ?? "—")) · <b>\(Strings.text(.assignee, lang))</b> \(HTML.escape(r.assignee ?? "—"))</p>
            <h2>\(Strings.text(.narrative, lang))</h2><p class="narrative" id="narrative-text">\(Self.highlight(r.narrative, spans))</p>
            <h2>\(Strings.text(.parties, lang))</h2>\(self.partiesHTML(view, context))
            </section>
            <section class="card">\(self.deadlineHTML(view, lang))
            <h2>\(Strings.text(.findings, lang))</h2>\(self.findingsHTML(evaluation, lang))</section>
            <section class="card actions"><h2>\(Strings.text(.actions, lang))</h2>\(self.actionsHTML(view, context))</section>
            <section class="card timeline"><h2>\(Strings.text(.timeline, lang))</h2>\(self.timelineHTML(view, lang))</section>
            </div>
            """
        }
        return Self.html(page.render())
    }

    func partiesHTML(_ view: CaseView, _ context: ServerContext) -> String {
        let lang = context.language
        let rows = view.record.parties.map { p in
            "<li>\(p.role == .complainant ? Strings.text(.complainant, lang) : Strings.text(.respondent, lang))：\(HTML.escape(p.name))\(p.phone.map { " · \(HTML.escape($0))" } ?? "")\(p.idNumber.map { " · \(HTML.escape($0))" } ?? "")</li>"
        }.joined()
        var out = "<ul class=\"parties\">\(rows.isEmpty ? "<li>\(Strings.text(.nothing, lang))</li>" : rows)</ul>"
        if view.masked, let p = context.principal, Permissions.allows(p.role, .caseReadPersonal) {
            out += "<p class=\"muted\">\(Strings.text(.masked, lang)) · <a href=\"/cases/\(view.record.id)?full=1\">\(Strings.text(.showPersonal, lang))</a></p>"
        }
        return out
    }

    func deadlineHTML(_ view: CaseView, _ lang: Language) -> String {
        let d = view.deadline
        let due = d.dueAt.map { Self.formatDate($0) } ?? "—"
        let left = max(0, d.limitDays + d.extensionDays - d.usedDays)
        return """
            <h2>\(Strings.text(.deadline, lang))</h2>
            <p class="\(d.isOverdue ? "overdue" : "")" id="deadline"><b>\(Strings.text(.dueAt, lang))</b> \(due) · \(CodeLabels.deadlineState(d.state, lang)) · \(Strings.text(.daysLeft, lang)) \(left)/\(d.limitDays + d.extensionDays)\(d.isOverdue ? " <span class=\"badge overdue\">\(Strings.text(.overdue, lang))</span>" : "")</p>
            """
    }

    func findingsHTML(_ evaluation: Evaluation, _ lang: Language) -> String {
        guard !evaluation.findings.isEmpty else { return "<p class=\"muted\">\(Strings.text(.noRedFlags, lang))</p>" }
        let items = evaluation.findings.map { f in
            "<li class=\"sev-\(f.severity.rawValue)\" title=\"\(HTML.escape(f.rule))\"><span class=\"badge sev\">\(CodeLabels.severity(f.severity, lang))</span> \(HTML.escape(f.message.text(in: lang.rawValue)))\(f.evidence.first.map { " — <mark>\(HTML.escape($0.excerpt))</mark>" } ?? "")</li>"
        }.joined()
        return "<p id=\"verdict\">\(CodeLabels.verdict(evaluation.verdict, lang)) · \(Strings.text(.score, lang)) \(evaluation.score)</p><ul class=\"findings\" id=\"findings\">\(items)</ul>"
    }

    func timelineHTML(_ view: CaseView, _ lang: Language) -> String {
        let items = (view.events ?? []).reversed().map { e -> String in
            var line = "<li><time>\(Self.formatDate(e.at))</time> <b>\(Labels.event(e.name, lang))</b> · \(HTML.escape(e.actor))"
            if let from = e.from, let to = e.to { line += " · \(Labels.status(from, lang)) → \(Labels.status(to, lang))" }
            if let reason = e.reason { line += "<br><span class=\"muted\">\(Strings.text(.reason, lang))：\(HTML.escape(reason))</span>" }
            if let text = e.text { line += "<br>\(HTML.escape(text))" }
            return line + "</li>"
        }.joined()
        return "<ol class=\"timeline\" id=\"timeline\">\(items)</ol>"
    }

    /// One form per workflow event that is legal from the current status and allowed for the role, plus a note form.
    func actionsHTML(_ view: CaseView, _ context: ServerContext) -> String {
        guard let principal = context.principal else { return "" }
        let lang = context.language
        let r = view.record
        var out = ""
        for event in WorkflowEvent.allCases where Permissions.allows(principal.role, event: event)
            && TransitionTable.target(of: event, from: r.status) != nil {
            var extra = ""
            if event == .assign {
                extra = "<input name=\"assignee\" placeholder=\"\(Strings.text(.assignee, lang))\" maxlength=\"40\"><input name=\"department\" placeholder=\"\(Strings.text(.department, lang))\" maxlength=\"60\">"
            } else if event == .refer {
                extra = "<select name=\"authority\">" + CodeLabels.authorities
                    .map { "<option value=\"\($0)\">\(CodeLabels.authority($0, lang))</option>" }.joined() + "</select>"
            }
            let reason = event.requiresReason ? "<input name=\"reason\" required placeholder=\"\(Strings.text(.reason, lang))\" maxlength=\"500\">" : ""
            out += """
                <form method="post" action="/cases/\(r.id)/transition" class="action" data-event="\(event.rawValue)">\(Page.csrfField(context))\
                <input type="hidden" name="event" value="\(event.rawValue)"><input type="hidden" name="expectedVersion" value="\(r.version)">\
                \(extra)\(reason)<button id="action-\(event.rawValue)">\(Strings.event(event, lang))</button></form>
                """
        }
        if Permissions.allows(principal.role, .caseNote) {
            out += """
                <form method="post" action="/cases/\(r.id)/notes" class="action">\(Page.csrfField(context))\
                <input name="text" required maxlength="2000" placeholder="\(Strings.text(.note, lang))"><button>\(Strings.text(.addNote, lang))</button></form>
                """
        }
        return out.isEmpty ? "<p class=\"muted\">\(Strings.text(.nothing, lang))</p>" : out + "<p class=\"muted\">\(Strings.text(.expectedVersionHint, lang))</p>"
    }

    func transitionSubmit(_ request: Request, _ context: ServerContext) throws -> Response {
        let form = FormBody(context.body)
        guard let event = form.value("event").flatMap(WorkflowEvent.init(rawValue:)) else {
            throw APIError.invalid("event", "未知事件 / unknown event")
        }
        let req = TransitionRequest(event, reason: form.value("reason"), assignee: form.value("assignee"),
                                    department: form.value("department"), authority: form.value("authority"))
        let view = try transition(req, context: context, expectedVersion: form.value("expectedVersion").flatMap(Int.init))
        return Self.redirect("/cases/\(view.record.id)")
    }

    func noteSubmit(_ request: Request, _ context: ServerContext) throws -> Response {
        let view = try service.note(try caseID(context), text: FormBody(context.body)["text"] ?? "", actor: try actor(context))
        return Self.redirect("/cases/\(view.record.id)")
    }

    /// The narrative, escaped, with evidence spans (UTF-8 byte ranges) wrapped in `<mark>`.
    static func highlight(_ text: String, _ spans: [Evidence]) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        var cursor = 0
        for span in spans.sorted(by: { $0.start < $1.start }) {
            let start = max(span.start, cursor), end = min(span.end, bytes.count)
            guard start < end else { continue }
            out += HTML.escape(String(decoding: bytes[cursor..<start], as: UTF8.self))
            out += "<mark>" + HTML.escape(String(decoding: bytes[start..<end], as: UTF8.self)) + "</mark>"
            cursor = end
        }
        return out + HTML.escape(String(decoding: bytes[cursor...], as: UTF8.self))
    }
}
