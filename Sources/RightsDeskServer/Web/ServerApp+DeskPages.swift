import CaseCore
import CaseEngine
import CaseStore
import Foundation
import EntityKit
import Hummingbird

extension ServerApp {
    /// The legal desk queue: referred cases with authority, referral date and the nearest legal clock.
    func legalPage(_ request: Request, _ context: ServerContext) throws -> Response {
        let lang = context.language
        let items = try legal.queue()
        struct Row { var id: Int64; var number, kind, priority, authority, referredAt, clock: String; var urgent: Bool }
        struct Model { var t: [String: String]; var items: [Row]; var hasItems: Bool }
        let rows = items.map { item -> Row in
            let clock = item.nearestClock.map { c in
                "\(CodeLabels.clock(c.kind, lang)) · \(c.lastDay.map { "\($0)" } ?? "—")\(c.daysLeft.map { " (\($0))" } ?? "")"
            } ?? "—"
            return Row(id: item.caseId, number: item.number, kind: Labels.kind(item.kind, lang),
                       priority: Labels.priority(item.priority, lang),
                       authority: CodeLabels.authority(item.authority, lang), referredAt: Self.formatDate(item.referredAt),
                       clock: clock, urgent: (item.nearestClock?.daysLeft ?? Int.max) <= 10)
        }
        let page = Page(title: Strings.text(.legalDesk, lang), context: context, active: .legal, template: "legal",
                        model: Model(t: Templates.texts(lang), items: rows, hasItems: !rows.isEmpty))
        return Self.html(page.render())
    }

    /// What the `dashboard` template reads.
    struct DashboardModel {
        struct Rule { var id: String; var name: String; var count: Int }
        struct Flagged { var kind, display, link: String; var rules: [Rule] }
        var t: [String: String]
        var total, open, overdueCount: Int
        var perWeek: Charts.Stacked
        var departments, overdueChart, flaggedChart: Charts.Bars
        var flagged: [Flagged]
        var hasFlagged: Bool
    }

    /// The supervisor dashboard: totals, cases per week by kind, by department, overdue counts, and the flagged
    /// intermediaries (each a link to its entity page), as SVG charts.
    func dashboardPage(_ request: Request, _ context: ServerContext) throws -> Response {
        let lang = context.language
        let summary = try service.summary()
        let weeks = 8
        let from = config.now().addingTimeInterval(-Double(weeks * 7 * 86_400))
        let recent = try service.list(CaseFilter(createdFrom: from, limit: 10_000))
        let perWeek = Charts.weekly(recent.map { ($0.record.createdAt, $0.record.kind) }, weeks: weeks, now: config.now())
        var flaggedQuery = try EntityQuery(.init())
        flaggedQuery.flagged = true
        flaggedQuery.limit = 8
        let flagged = try entityItems(flaggedQuery).filter { $0.id != nil }
        let departments = summary.byDepartment.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
        let model = DashboardModel(
            t: Templates.texts(lang), total: summary.total, open: summary.open, overdueCount: summary.overdue,
            perWeek: Charts.stackedBars(perWeek, series: CaseKind.allCases.map { Labels.kind($0, lang) }),
            departments: Charts.horizontalBars(departments.map { ($0.key.isEmpty ? "—" : $0.key, $0.value) }),
            overdueChart: Charts.horizontalBars([(Strings.text(.open, lang), summary.open), (Strings.text(.overdue, lang), summary.overdue)]),
            flaggedChart: Charts.horizontalBars(flagged.map { ($0.display, max($0.flagSources ?? 0, $0.caseCount)) },
                                                links: flagged.map { $0.id.map { "/entities/\($0)" } }),
            flagged: flagged.map { item in
                DashboardModel.Flagged(
                    kind: EntityKind(rawValue: item.kind).map { CodeLabels.entityKind($0, lang) } ?? item.kind,
                    display: item.display, link: item.id.map { "/entities/\($0)" } ?? "/entities",
                    rules: (item.rules ?? [:]).sorted { $0.key < $1.key }.map { .init(id: $0.key, name: ruleName($0.key, lang), count: $0.value) })
            },
            hasFlagged: !flagged.isEmpty)
        return Self.html(Page(title: Strings.text(.dashboard, lang), context: context, active: .dashboard,
                              template: "dashboard", model: model).render())
    }
}
