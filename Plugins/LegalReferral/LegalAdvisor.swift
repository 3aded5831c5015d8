import CaseCore
import RuleKit

/// Turns a case's facts into routes, clocks, eligibility notes and near-deadline warnings. Pure: no I/O.
///
/// ```swift
/// let advisor = LegalAdvisor(data: data, calendar: calendar)
/// let advice = advisor.advise(LegalCase(kind: "laborDispute", tags: ["欠薪"], facts: facts), today: today)
/// ```
public struct LegalAdvisor: Sendable {
    public var data: LegalData
    public var calculator: LegalClockCalculator

    /// Creates an advisor over loaded data and a holiday calendar.
    public init(data: LegalData, calendar: HolidayCalendar) {
        self.data = data
        self.calculator = LegalClockCalculator(calendar: calendar, site: data.site)
    }

    /// The advice for `legalCase` on `today` (nil: clocks show dates but no days left).
    ///
    /// Routes come in rank order (see ``RouteRule/rank(for:)``): the first is the recommended first step.
    public func advise(_ legalCase: LegalCase, today: CalendarDay?) -> LegalAdvice {
        let fired = data.routes.enumerated().filter { $0.element.fires(for: legalCase) }
            .sorted { ($0.element.rank(for: legalCase.kind), $0.offset) < ($1.element.rank(for: legalCase.kind), $1.offset) }
            .map(\.element)
        var routes = fired.map { route(for: $0, legalCase: legalCase, today: today) }
        let arbitrationFired = fired.contains { $0.authority == .arbitration }
        let finalAward = arbitrationFired
            ? FinalAwardCheck(amount: legalCase.facts.amountClaimed, threshold: data.site.finalAwardThreshold,
                              wageVerified: data.site.minimumWageVerified) : nil
        let limitationDaysLeft = routes.flatMap(\.clocks)
            .filter { $0.kind == .arbitrationLimitation || $0.kind == .wageArbitrationLimitation }
            .compactMap(\.daysLeft).filter { $0 >= 0 }.min()
        for index in routes.indices {
            if routes[index].authority == .arbitration, let finalAward { routes[index].notes.append(finalAward.note) }
            if routes[index].authority == .legalAid, let left = limitationDaysLeft, left < 7 {
                routes[index].notes.append(LegalText.provideFirst)
            }
        }
        var warnings: [LocalizedText] = []
        var seen = Set<ClockKind>()
        for clock in routes.flatMap(\.clocks) where clock.kind.isWorkerDeadline && !seen.contains(clock.kind) {
            guard clock.level == .warning || clock.level == .urgent, let left = clock.daysLeft else { continue }
            seen.insert(clock.kind)
            warnings.append(LegalText.raisePriority(clock.kind, daysLeft: left))
        }
        return LegalAdvice(routes: routes, finalAward: finalAward, raisePriority: !warnings.isEmpty, warnings: warnings)
    }

    private func route(for rule: RouteRule, legalCase: LegalCase, today: CalendarDay?) -> Route {
        let provisions = rule.provisions.compactMap { data.provision($0) }
        let clocks = rule.clocks.map {
            calculator.clock($0, for: legalCase, today: today, continuing: rule.continuing)
        }
        var notes: [LocalizedText] = []
        if rule.authority == .legalAid {
            let exempt = rule.hardshipExemptWhen.contains { $0.holds(for: legalCase) }
            notes.append(exempt ? LegalText.hardshipExempt : LegalText.hardshipCheck)
        }
        let reason = ReasonTemplate(legalCase: legalCase)
        return Route(id: rule.id, authority: rule.authority, provisions: provisions,
                     reason: LocalizedText(zh: reason.render(rule.reasonZh, zh: true),
                                           en: reason.render(rule.reasonEn, zh: false)),
                     clocks: clocks, notes: notes)
    }

    /// Whether the migrant-worker exemption applies: the legal-aid route fires and its exemption condition holds.
    public func isHardshipExempt(_ legalCase: LegalCase) -> Bool {
        data.routes.contains { rule in
            rule.authority == .legalAid && rule.fires(for: legalCase)
                && rule.hardshipExemptWhen.contains { $0.holds(for: legalCase) }
        }
    }
}
