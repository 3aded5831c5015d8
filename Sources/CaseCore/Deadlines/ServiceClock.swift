import Foundation

/// Computes a case's service deadline from its event log, never from stored counters.
///
/// Rules, with `W(a, b)` = `calendar.workingDays(after: a, through: b)` and days taken as `CalendarDay(event.at)`
/// (China Standard Time):
/// - Events are applied in order of `seq`, then `at`, then their position in `events`.
/// - `open` starts the clock on the day of the event, with the full limit from the policy (a second `open` is
///   ignored). `reopen` starts a fresh full limit from the reopen day, discarding used days and extensions.
/// - `requestInfo` pauses a running clock; `provideInfo` resumes a paused one on its day.
/// - `refer`, `resolve`, `reject` and `withdraw` stop the clock.
/// - `extendDeadline` adds `detail.extensionDays` working days (values ≤ 0 are ignored; at most 1000 per event).
/// - A running segment from day `s` to day `e` consumes `W(s, e)` working days, so the day the clock starts is not
///   counted and the day it pauses or stops is.
/// - While running, the due day is `addingWorkingDays(limit + extensions − used, to: s)`, `s` being the start of
///   the current segment. While paused, it is the due day the case would have if it resumed today. When stopped,
///   it is the due day in force at the stop.
/// - `isOverdue` is true only for a running clock with `now > dueAt`; a stopped clock reports `finishedLate` when
///   it stopped after `dueAt`.
/// - All other events (`triage`, `assign`, `start`, `close`, `note`, …) leave the clock alone.
public enum ServiceClock {
    /// The largest extension one `extendDeadline` event may add.
    public static let maxExtensionPerEvent = 1000

    /// Computes the deadline.
    ///
    /// - Parameters:
    ///   - events: the case's event log, in any order.
    ///   - kind: the case kind; with `priority` selects the limit in `policy`.
    ///   - priority: the case priority.
    ///   - policy: the SLA limits.
    ///   - calendar: working days.
    ///   - now: the current instant.
    public static func compute(events: [CaseEvent], kind: CaseKind, priority: Priority, policy: SLAPolicy,
                               calendar: HolidayCalendar, now: Date) -> ServiceDeadline {
        var tally = Tally(limit: policy.limitDays(kind: kind, priority: priority), calendar: calendar)
        let ordered = events.enumerated().sorted { lhs, rhs in
            (lhs.element.seq, lhs.element.at, lhs.offset) < (rhs.element.seq, rhs.element.at, rhs.offset)
        }
        for (_, event) in ordered { tally.apply(event) }
        return tally.deadline(now: now)
    }
}

/// The clock's state while the log is replayed.
private struct Tally {
    let limit: Int
    let calendar: HolidayCalendar
    var state = ServiceDeadline.State.notStarted
    /// Start of the current (or last) running segment.
    var segmentStart: CalendarDay?
    /// The day the clock last started (open or reopen).
    var clockStart: CalendarDay?
    var used = 0
    var extensions = 0
    var stoppedAt: Date?
    var dueAtStop: CalendarDay?

    init(limit: Int, calendar: HolidayCalendar) {
        self.limit = limit
        self.calendar = calendar
    }

    var remaining: Int { limit + extensions - used }

    mutating func apply(_ event: CaseEvent) {
        let day = CalendarDay(event.at)
        switch event.name {
        case .open:
            if state == .notStarted { start(on: day) }
        case .reopen:
            start(on: day)
        case .requestInfo:
            guard state == .running, let s = segmentStart else { return }
            used += calendar.workingDays(after: s, through: day)
            state = .paused
        case .provideInfo:
            guard state == .paused else { return }
            segmentStart = day
            state = .running
        case .refer, .resolve, .reject, .withdraw:
            stop(on: day, at: event.at)
        case .extendDeadline:
            let days = event.detail.extensionDays ?? 0
            if days > 0 { extensions += min(days, ServiceClock.maxExtensionPerEvent) }
        case .triage, .assign, .start, .close, .note, .update, .link, .merge, .absorb, .viewPersonalData, .advise,
             .outcome:
            return
        }
    }

    mutating func start(on day: CalendarDay) {
        state = .running
        segmentStart = day
        clockStart = day
        used = 0
        extensions = 0
        stoppedAt = nil
        dueAtStop = nil
    }

    mutating func stop(on day: CalendarDay, at instant: Date) {
        switch state {
        case .running:
            guard let s = segmentStart else { return }
            dueAtStop = calendar.addingWorkingDays(remaining, to: s)
            used += calendar.workingDays(after: s, through: day)
        case .paused:
            dueAtStop = calendar.addingWorkingDays(remaining, to: day)
        case .notStarted, .stopped:
            return
        }
        state = .stopped
        stoppedAt = instant
    }

    func deadline(now: Date) -> ServiceDeadline {
        let today = CalendarDay(now)
        var usedNow = used
        let due: CalendarDay?
        let lastDay: CalendarDay
        switch state {
        case .notStarted:
            return ServiceDeadline(state: .notStarted, limitDays: limit, usedDays: 0, extensionDays: extensions,
                                   dueDay: nil, isOverdue: false, finishedLate: false,
                                   calendarCovered: calendar.covers(today))
        case .running:
            let s = segmentStart ?? today
            usedNow += calendar.workingDays(after: s, through: today)
            due = calendar.addingWorkingDays(remaining, to: s)
            lastDay = today
        case .paused:
            due = calendar.addingWorkingDays(remaining, to: today)
            lastDay = today
        case .stopped:
            due = dueAtStop
            lastDay = stoppedAt.map(CalendarDay.init) ?? today
        }
        let dueAt = due?.end
        let first = clockStart ?? today
        let last = max(due ?? lastDay, lastDay)
        return ServiceDeadline(
            state: state, limitDays: limit, usedDays: usedNow, extensionDays: extensions, dueDay: due,
            isOverdue: state == .running && dueAt.map { now > $0 } == true,
            finishedLate: state == .stopped && zip(stoppedAt, dueAt).map { $0 > $1 } == true,
            calendarCovered: calendar.covers(from: min(first, last), through: last))
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
