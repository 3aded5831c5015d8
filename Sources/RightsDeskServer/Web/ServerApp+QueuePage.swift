import CaseCore
import CaseEngine
import Foundation
import Hummingbird

extension ServerApp {
    /// What the `queue` template reads.
    struct QueueModel {
        struct Option { var value: String; var label: String; var selected: Bool }
        struct Row {
            var id: Int64
            var number, kind, status, priority, department, assignee, created, due: String
            var overdue, urgent: Bool
        }
        struct PageLink { var href: String; var label: String; var first: Bool }
        var t: [String: String]
        var statuses: [Option]
        var kinds: [Option]
        var department: String
        var overdueOnly: Bool
        var rows: [Row]
        var hasRows: Bool
        var pages: [PageLink]
        var hasPages: Bool
    }

    /// The queue: filters (status, kind, department, overdue), due dates, overdue rows highlighted, paging.
    func queuePage(_ request: Request, _ context: ServerContext) throws -> Response {
        let lang = context.language
        var query = try CaseQuery(request.uri.queryParameters)
        if request.uri.queryParameters["limit"] == nil { query.filter.limit = 25 }
        let items = try service.list(query.filter, overdueOnly: query.overdueOnly)
        let params = request.uri.queryParameters
        let rows = items.map { v -> QueueModel.Row in
            let r = v.record
            return QueueModel.Row(
                id: r.id, number: r.number, kind: Labels.kind(r.kind, lang), status: Labels.status(r.status, lang),
                priority: Labels.priority(r.priority, lang), department: r.department ?? "—", assignee: r.assignee ?? "—",
                created: Self.formatDate(r.createdAt), due: v.dueAt.map { Self.formatDate($0) } ?? "—",
                overdue: v.overdue, urgent: r.priority == .urgent)
        }
        let pages = pager(request, query, count: items.count, lang)
        let model = QueueModel(
            t: Templates.texts(lang),
            statuses: CaseStatus.allCases.map { .init(value: $0.rawValue, label: Labels.status($0, lang), selected: params["status"].map(String.init) == $0.rawValue) },
            kinds: CaseKind.allCases.map { .init(value: $0.rawValue, label: Labels.kind($0, lang), selected: params["kind"].map(String.init) == $0.rawValue) },
            department: params["department"].map(String.init) ?? "", overdueOnly: query.overdueOnly,
            rows: rows, hasRows: !rows.isEmpty, pages: pages, hasPages: !pages.isEmpty)
        return Self.html(Page(title: Strings.text(.queue, lang), context: context, active: .queue, template: "queue",
                              model: model).render())
    }

    /// Previous / next links keeping the other query parameters (the template escapes the `&`).
    func pager(_ request: Request, _ query: CaseQuery, count: Int, _ lang: Language) -> [QueueModel.PageLink] {
        var links: [QueueModel.PageLink] = []
        let base = request.uri.queryParameters.filter { $0.key != "offset" }
            .map { "\(Self.percentEncode(String($0.key)))=\(Self.percentEncode(String($0.value)))" }
        func link(_ offset: Int, _ label: Strings.Key) -> QueueModel.PageLink {
            QueueModel.PageLink(href: "/queue?" + (base + ["offset=\(offset)"]).joined(separator: "&"),
                                label: Strings.text(label, lang), first: links.isEmpty)
        }
        if query.filter.offset > 0 { links.append(link(max(0, query.filter.offset - query.filter.limit), .previous)) }
        if count == query.filter.limit { links.append(link(query.filter.offset + query.filter.limit, .next)) }
        return links
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
