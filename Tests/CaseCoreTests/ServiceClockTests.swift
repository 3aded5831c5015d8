import Foundation
import Testing
@testable import CaseCore

@Suite("Service clock")
struct ServiceClockTests {
    func at(_ text: String, _ hour: Int = 10) -> Date { Fixtures.at(text, hour) }
    func day(_ text: String) -> CalendarDay { Fixtures.day(text) }
    func event(_ seq: Int64, _ name: CaseEventName, _ instant: Date, detail: EventDetail = EventDetail()) -> CaseEvent {
        Fixtures.event(seq, name, instant, detail: detail)
    }

    func compute(_ events: [CaseEvent], _ kind: CaseKind = .complaint, _ priority: Priority = .normal,
                 calendar: HolidayCalendar = Fixtures.both, now: Date) -> ServiceDeadline {
        ServiceClock.compute(events: events, kind: kind, priority: priority, policy: .defaults,
                             calendar: calendar, now: now)
    }

    @Test("a complaint opened before the 2026 Spring Festival is due after it, counting the working Saturdays")
    func springFestival() {
        // 15 working days after Tue 02-10: 11,12,13,14(Sat),24..28(Sat),03-02..06,03-09.
        let deadline = compute([event(1, .open, at("2026-02-10"))], now: at("2026-02-20"))
        #expect(deadline.state == .running)
        #expect(deadline.dueDay == day("2026-03-09"))
        #expect(deadline.dueAt == day("2026-03-09").end)
        #expect(deadline.usedDays == 4)
        #expect(deadline.limitDays == 15 && deadline.remainingDays == 11)
        #expect(!deadline.isOverdue && deadline.calendarCovered)
        let weekendsOnly = compute([event(1, .open, at("2026-02-10"))], calendar: .weekendsOnly,
                                   now: at("2026-02-20"))
        #expect(weekendsOnly.dueDay == day("2026-03-03") && !weekendsOnly.calendarCovered)
    }

    @Test("a fraud report opened before National Day 2026 skips 10-01..07 and works 10-10")
    func nationalDay() {
        let deadline = compute([event(1, .open, at("2026-09-29"))], .fraudReport, now: at("2026-10-09"))
        #expect(deadline.dueDay == day("2026-10-19"))
        #expect(deadline.usedDays == 3)
        let urgent = compute([event(1, .open, at("2026-09-18"))], .consultation, .urgent, now: at("2026-09-19"))
        #expect(urgent.dueDay == day("2026-09-20"))
    }

    @Test("a consultation opened at the 2025 year end is due after the 2026 New Year holiday")
    func newYear() {
        let deadline = compute([event(1, .open, at("2025-12-30"))], .consultation, now: at("2025-12-31"))
        #expect(deadline.dueDay == day("2026-01-05") && deadline.calendarCovered)
        let only2026 = compute([event(1, .open, at("2025-12-30"))], .consultation, calendar: Fixtures.cn2026,
                               now: at("2025-12-31"))
        #expect(!only2026.calendarCovered)
    }

    @Test("a pause spanning the Spring Festival does not consume the holiday")
    func pauseAcrossHoliday() {
        // Urgent complaint (5 days) opened Mon 02-09; paused Wed 02-11 after 2 days (10, 11).
        let log = [event(1, .open, at("2026-02-09")), event(2, .requestInfo, at("2026-02-11", 16))]
        let paused = compute(log, .complaint, .urgent, now: at("2026-02-20"))
        #expect(paused.state == .paused && paused.usedDays == 2 && !paused.isOverdue)
        // If it resumed on 02-20 (a holiday): 3 more days → 24, 25, 26.
        #expect(paused.dueDay == day("2026-02-26"))
        // Resumed Wed 02-25: 3 more days → 26, 27, 28 (a working Saturday).
        let resumed = compute(log + [event(3, .provideInfo, at("2026-02-25", 9))], .complaint, .urgent,
                              now: at("2026-02-27"))
        #expect(resumed.state == .running && resumed.dueDay == day("2026-02-28") && resumed.usedDays == 4)
        #expect(!resumed.isOverdue)
        let late = compute(log + [event(3, .provideInfo, at("2026-02-25", 9))], .complaint, .urgent,
                           now: at("2026-03-02", 8))
        #expect(late.isOverdue && late.usedDays == 6 && late.remainingDays == -1)
    }

    @Test("reopen restarts the full limit from the reopen day and drops earlier extensions")
    func reopen() {
        let log = [event(1, .open, at("2026-03-02")),
                   event(2, .extendDeadline, at("2026-03-02", 11), detail: EventDetail(extensionDays: 5)),
                   event(3, .resolve, at("2026-03-03"))]
        let resolved = compute(log, .consultation, now: at("2026-03-20"))
        #expect(resolved.state == .stopped && resolved.usedDays == 1 && resolved.extensionDays == 5)
        #expect(resolved.dueDay == day("2026-03-12") && !resolved.finishedLate && !resolved.isOverdue)
        let reopened = compute(log + [event(4, .reopen, at("2026-03-16"))], .consultation, now: at("2026-03-17", 12))
        #expect(reopened.state == .running && reopened.dueDay == day("2026-03-19"))
        #expect(reopened.usedDays == 1 && reopened.extensionDays == 0)
    }

    @Test("an extension adds working days to the due day")
    func extensionAddsDays() {
        let open = event(1, .open, at("2026-03-02"))
        #expect(compute([open], .complaint, .urgent, now: at("2026-03-03")).dueDay == day("2026-03-09"))
        let extended = compute([open, event(2, .extendDeadline, at("2026-03-05"), detail: EventDetail(extensionDays: 3)),
                                event(3, .extendDeadline, at("2026-03-05"), detail: EventDetail(extensionDays: -2))],
                               .complaint, .urgent, now: at("2026-03-10"))
        #expect(extended.dueDay == day("2026-03-12") && extended.extensionDays == 3 && !extended.isOverdue)
    }

    @Test("overdue starts one second after 23:59:59 China time of the due day")
    func overdueBoundary() {
        let log = [event(1, .open, at("2026-03-02", 9))]
        let dueAt = day("2026-03-03").end
        #expect(dueAt == Date(timeIntervalSince1970: 1_772_553_599)) // 2026-03-03T15:59:59Z
        #expect(!compute(log, .consultation, .urgent, now: dueAt).isOverdue)
        #expect(compute(log, .consultation, .urgent, now: dueAt.addingTimeInterval(1)).isOverdue)
        let onTime = compute(log + [event(2, .resolve, dueAt)], .consultation, .urgent, now: at("2026-03-10"))
        #expect(!onTime.finishedLate && !onTime.isOverdue)
        let late = compute(log + [event(2, .resolve, dueAt.addingTimeInterval(1))], .consultation, .urgent,
                           now: at("2026-03-10"))
        #expect(late.finishedLate && !late.isOverdue && late.state == .stopped)
    }

    @Test("refer, reject and withdraw stop the clock like resolve", arguments: [CaseEventName.refer, .reject, .withdraw])
    func stoppingEvents(name: CaseEventName) {
        let deadline = compute([event(1, .open, at("2026-03-02")), event(2, name, at("2026-03-04"))],
                               now: at("2026-06-01"))
        #expect(deadline.state == .stopped && deadline.usedDays == 2 && !deadline.isOverdue)
    }

    @Test("a clock stopped while paused keeps the used days and is late only if none were left")
    func stopWhilePaused() {
        let log = [event(1, .open, at("2026-03-02")), event(2, .requestInfo, at("2026-03-04"))]
        let withdrawn = compute(log + [event(3, .withdraw, at("2026-04-20"))], .complaint, .urgent,
                                now: at("2026-05-01"))
        #expect(withdrawn.state == .stopped && withdrawn.usedDays == 2 && !withdrawn.finishedLate)
        #expect(withdrawn.dueDay == day("2026-04-23"))
        let exhausted = [event(1, .open, at("2026-03-02")), event(2, .requestInfo, at("2026-03-11")),
                         event(3, .reject, at("2026-03-20"))]
        let rejected = compute(exhausted, .complaint, .urgent, now: at("2026-03-21"))
        #expect(rejected.usedDays == 7 && rejected.finishedLate && !rejected.isOverdue)
    }

    @Test("a deadline in a year without a notice is computed on weekends only and marked uncovered")
    func outsideCoveredYears() {
        let deadline = compute([event(1, .open, at("2026-12-30"))], .consultation, now: at("2026-12-31"))
        #expect(deadline.dueDay == day("2027-01-04") && !deadline.calendarCovered)
        let inside = compute([event(1, .open, at("2026-12-01"))], .consultation, now: at("2026-12-02"))
        #expect(inside.calendarCovered)
    }

    @Test("events are replayed in seq order whatever order the array has")
    func ordering() {
        let log = [event(1, .open, at("2026-02-09")), event(2, .requestInfo, at("2026-02-11", 16)),
                   event(3, .provideInfo, at("2026-02-25", 9)), event(4, .note, at("2026-02-26"))]
        let expected = compute(log, .complaint, .urgent, now: at("2026-02-27"))
        #expect(compute(log.reversed(), .complaint, .urgent, now: at("2026-02-27")) == expected)
        #expect(compute([log[2], log[0], log[3], log[1]], .complaint, .urgent, now: at("2026-02-27")) == expected)
        #expect(expected.state == .running)
    }

    @Test("no open event means the clock has not started; it encodes as JSON")
    func notStarted() throws {
        let deadline = compute([event(1, .note, at("2026-03-02"))], now: at("2026-03-03"))
        #expect(deadline.state == .notStarted && deadline.dueDay == nil && deadline.dueAt == nil)
        let running = compute([event(1, .open, at("2026-03-02"))], now: at("2026-03-03"))
        let data = try JSONEncoder().encode(running)
        #expect(try JSONDecoder().decode(ServiceDeadline.self, from: data) == running)
    }
}
