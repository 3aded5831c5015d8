import CaseCore
import CaseEngine
import CaseStore
import Foundation
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

    /// The supervisor dashboard: totals, cases per week by kind, by department, overdue counts, and the flagged
    /// intermediaries (each a link to its entity page), as SVG charts.
    func dashboardPage(_ request: Request, _ context: ServerContext) throws -> Response {
        let lang = context.language
        let summary = try service.summary()
        let weeks = 8
        let from = config.now().addingTimeInterval(-Double(weeks * 7 * 86_400))
        let recent = try service.list(CaseFilter(createdFrom: from, limit: 10_000))
        let perWeek = Charts.weekly(recent.map { ($0.record.createdAt, $0.record.kind) }, weeks: weeks, now: config.now())
        let kinds = CaseKind.allCases.map { Labels.kind($0, lang) }
        var flaggedQuery = try EntityQuery(.init())
        flaggedQuery.flagged = true
        flaggedQuery.limit = 8
        let flagged = try entityItems(flaggedQuery)
        let departments = summary.byDepartment.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
        let page = Page(title: Strings.text(.dashboard, lang), context: context, active: .dashboard) {
            """
            <div class="stats"><div class="stat"><b>\(summary.total)</b>\(Strings.text(.total, lang))</div>\
            <div class="stat"><b>\(summary.open)</b>\(Strings.text(.open, lang))</div>\
            <div class="stat overdue"><b>\(summary.overdue)</b>\(Strings.text(.overdue, lang))</div></div>
            <div class="charts">
            <section class="card"><h2>\(Strings.text(.casesPerWeek, lang))</h2>\(Charts.stackedBars(perWeek, series: kinds))</section>
            <section class="card"><h2>\(Strings.text(.byDepartment, lang))</h2>\(Charts.horizontalBars(departments.map { ($0.key.isEmpty ? "—" : $0.key, $0.value) }))</section>
            <section class="card"><h2>\(Strings.text(.overdueCounts, lang))</h2>\(Charts.horizontalBars([(Strings.text(.open, lang), summary.open), (Strings.text(.overdue, lang), summary.overdue)]))</section>
            <section class="card" id="flagged-panel"><h2>\(Strings.text(.flaggedIntermediaries, lang))</h2>\(EntityHTML.dashboardPanel(flagged, lang, ruleName: { self.ruleName($0, lang) }))<p><a href="/entities?flagged=true">\(Strings.text(.entities, lang)) →</a></p></section>
            </div>
            """
        }
        return Self.html(page.render())
    }
}
