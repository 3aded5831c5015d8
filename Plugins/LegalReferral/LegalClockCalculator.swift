import CaseCore
import RuleKit

/// Computes the clocks of a route from the case's facts, today and the holiday calendar.
///
/// Conventions (documented in docs/legal-referral.md):
/// - All periods run in calendar days. A period of N years from day S ends on the same month and day N years later
///   (29 February → 28 February in a non-leap year); a period of N days from S ends on S + N.
/// - Days left are counted to that nominal last day, never to a later one.
/// - Only the arbitration clocks report `nextWorkingDay` when the last day is not a working day, with a note that
///   the civil-procedure holiday rule is recalled and unverified, so the worker should act by the nominal day.
public struct LegalClockCalculator: Sendable {
    public var calendar: HolidayCalendar
    public var site: LegalSite

    /// Creates a calculator.
    public init(calendar: HolidayCalendar, site: LegalSite) {
        self.calendar = calendar
        self.site = site
    }

    /// The clock `kind` for `legalCase` on `today`; `continuing` applies to the inspection window.
    public func clock(_ kind: ClockKind, for legalCase: LegalCase, today: CalendarDay?, continuing: Bool) -> LegalClock {
        let facts = legalCase.facts
        switch kind {
        case .arbitrationLimitation:
            guard let start = facts.learnedOfInfringement else {
                return LegalClock(kind: kind, level: .unknown, notes: [LegalText.missingLearned])
            }
            return finish(kind, start: start, lastDay: start.adding(years: 1), today: today, holidayRule: true)
        case .wageArbitrationLimitation:
            guard let end = facts.employmentEnd else {
                return LegalClock(kind: kind, level: .notRunning, notes: [LegalText.wageWhileEmployed])
            }
            return finish(kind, start: end, lastDay: end.adding(years: 1), today: today, holidayRule: true)
        case .inspectionWindow:
            return inspection(for: facts, today: today, continuing: continuing)
        case .legalAidDecision:
            return legalAidDecision(appliedOn: legalCase.legalAidAppliedOn, today: today)
        }
    }

    /// The centre's deadline, not the worker's: ok until it passes. Before an application is recorded, the clock
    /// shows the day a decision would be due if the worker applied today, and is not running.
    private func legalAidDecision(appliedOn: CalendarDay?, today: CalendarDay?) -> LegalClock {
        guard let applied = appliedOn else {
            guard let today else {
                return LegalClock(kind: .legalAidDecision, level: .unknown, notes: [LegalText.missingToday])
            }
            return LegalClock(kind: .legalAidDecision, start: today, lastDay: today.adding(days: 7), level: .notRunning,
                              notes: [LegalText.legalAidNotApplied, LegalText.legalAidDecisionNote])
        }
        var clock = finish(.legalAidDecision, start: applied, lastDay: applied.adding(days: 7), today: today,
                           holidayRule: false)
        if let left = clock.daysLeft { clock.level = left < 0 ? .expired : .ok }
        clock.notes.append(LegalText.legalAidDecisionNote)
        return clock
    }

    private func inspection(for facts: CaseFacts, today: CalendarDay?, continuing: Bool) -> LegalClock {
        if continuing {
            guard let end = facts.employmentEnd else {
                return LegalClock(kind: .inspectionWindow, level: .notRunning, notes: [LegalText.continuingViolation])
            }
            return finish(.inspectionWindow, start: end, lastDay: end.adding(years: 2), today: today, holidayRule: false)
        }
        guard let act = facts.learnedOfInfringement else {
            return LegalClock(kind: .inspectionWindow, level: .unknown, notes: [LegalText.missingLearned])
        }
        var clock = finish(.inspectionWindow, start: act, lastDay: act.adding(years: 2), today: today,
                           holidayRule: false)
        clock.notes.append(LegalText.actDateApproximated)
        return clock
    }

    private func finish(_ kind: ClockKind, start: CalendarDay, lastDay: CalendarDay, today: CalendarDay?,
                        holidayRule: Bool) -> LegalClock {
        var clock = LegalClock(kind: kind, start: start, lastDay: lastDay, level: .unknown)
        if let today {
            let left = lastDay.ordinal - today.ordinal
            clock.daysLeft = left
            clock.level = level(daysLeft: left)
        } else {
            clock.notes.append(LegalText.missingToday)
        }
        if holidayRule && !calendar.isWorkingDay(lastDay) {
            clock.nextWorkingDay = calendar.addingWorkingDays(1, to: lastDay)
            clock.notes.append(LegalText.holidayRule)
            if !calendar.covers(lastDay) { clock.notes.append(LegalText.calendarNotCovering(lastDay.year)) }
        }
        return clock
    }

    /// The level for a number of calendar days left, using the site's thresholds.
    public func level(daysLeft: Int) -> ClockLevel {
        if daysLeft < 0 { return .expired }
        if daysLeft <= site.urgentDays { return .urgent }
        if daysLeft <= site.warningDays { return .warning }
        return .ok
    }
}
