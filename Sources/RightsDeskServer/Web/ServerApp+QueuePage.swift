import CaseCore
import CaseEngine
import Foundation
import Hummingbird

extension ServerApp {
    /// The queue: filters (status, kind, department, overdue), due dates, overdue rows highlighted, paging.
    func queuePage(_ request: Request, _ context: ServerContext) throws -> Response {
        let lang = context.language
        var query = try CaseQuery(request.uri.queryParameters)
        if request.uri.queryParameters["limit"] == nil { query.filter.limit = 25 }
        let items = try service.list(query.filter, overdueOnly: query.overdueOnly)
        let params = request.uri.queryParameters
        func selected(_ name: String, _ value: String) -> String { params[Substring(name)].map(String.init) == value ? " selected" : "" }
        let statusOptions = CaseStatus.allCases.map {
            "<option value=\"\($0.rawValue)\"\(selected("status", $0.rawValue))>\(Labels.status($0, lang))</option>"
        }.joined()
        let kindOptions = CaseKind.allCases.map {
            "<option value=\"\($0.rawValue)\"\(selected("kind", $0.rawValue))>\(Labels.kind($0, lang))</option>"
        }.joined()
        let department = HTML.escape(params["department"].map(String.init) ?? "")
        let page = Page(title: Strings.text(.queue, lang), context: context, active: .queue) {
            """
            <form method="get" action="/queue" class="filters card">
            <label>\(Strings.text(.status, lang)) <select name="status"><option value="">\(Strings.text(.all, lang))</option>\(statusOptions)</select></label>
            <label>\(Strings.text(.kind, lang)) <select name="kind"><option value="">\(Strings.text(.all, lang))</option>\(kindOptions)</select></label>
            <label>\(Strings.text(.department, lang)) <input name="department" value="\(department)"></label>
            <label><input type="checkbox" name="overdue" value="true"\(query.overdueOnly ? " checked" : "")> \(Strings.text(.onlyOverdue, lang))</label>
            <button>\(Strings.text(.filter, lang))</button>
            </form>
            \(self.queueTable(items, lang))
            \(self.pager(request, query, count: items.count, lang))
            """
        }
        return Self.html(page.render())
    }

    func queueTable(_ items: [CaseView], _ lang: Language) -> String {
        guard !items.isEmpty else { return "<p class=\"muted\">\(Strings.text(.noCases, lang))</p>" }
        let head = [Strings.Key.number, .kind, .status, .priority, .department, .assignee, .created, .dueAt]
            .map { "<th>\(Strings.text($0, lang))</th>" }.joined()
        let rows = items.map { v -> String in
            let r = v.record
            let due = v.dueAt.map { Self.formatDate($0) } ?? "—"
            let overdue = v.overdue ? " <span class=\"badge overdue\">\(Strings.text(.overdue, lang))</span>" : ""
            return """
                <tr class="\(v.overdue ? "overdue" : "")\(r.priority == .urgent ? " urgent" : "")"><td><a href="/cases/\(r.id)">\(HTML.escape(r.number))</a></td>\
                <td>\(Labels.kind(r.kind, lang))</td><td>\(Labels.status(r.status, lang))</td><td>\(Labels.priority(r.priority, lang))</td>\
                <td>\(HTML.escape(r.department ?? "—"))</td><td>\(HTML.escape(r.assignee ?? "—"))</td>\
                <td>\(Self.formatDate(r.createdAt))</td><td>\(due)\(overdue)</td></tr>
                """
        }.joined(separator: "\n")
        return "<table class=\"queue\" id=\"queue\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    func pager(_ request: Request, _ query: CaseQuery, count: Int, _ lang: Language) -> String {
        var links: [String] = []
        let base = request.uri.queryParameters.filter { $0.key != "offset" }
            .map { "\(Self.percentEncode(String($0.key)))=\(Self.percentEncode(String($0.value)))" }
        func link(_ offset: Int, _ label: Strings.Key) -> String {
            let qs = (base + ["offset=\(offset)"]).joined(separator: "&amp;")
            return "<a href=\"/queue?\(qs)\">\(Strings.text(label, lang))</a>"
        }
        if query.filter.offset > 0 { links.append(link(max(0, query.filter.offset - query.filter.limit), .previous)) }
        if count == query.filter.limit { links.append(link(query.filter.offset + query.filter.limit, .next)) }
        return links.isEmpty ? "" : "<p class=\"pager\">\(links.joined(separator: " · "))</p>"
    }

    /// A date in China time (UTC+8), `2026-03-02 09:00`.
    static func formatDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
