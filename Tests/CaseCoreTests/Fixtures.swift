import Foundation
@testable import CaseCore

/// Test fixtures: days, instants in China time, and the 2025/2026 calendars typed in from the State Council
/// notices (independently of `rules/calendar/*.yaml`, which the CaseEngine loader tests check).
enum Fixtures {
    /// A day from a `yyyy-MM-dd` literal written in a test.
    static func day(_ text: String) -> CalendarDay {
        guard let day = CalendarDay(text) else { preconditionFailure("bad fixture date \(text)") }
        return day
    }

    /// An instant on `text` at `hour:minute:second` China Standard Time.
    static func at(_ text: String, _ hour: Int = 10, _ minute: Int = 0, _ second: Int = 0) -> Date {
        day(text).start.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60 + second))
    }

    static func days(_ first: String, _ last: String) -> Set<CalendarDay> {
        Set((day(first).ordinal...day(last).ordinal).map(CalendarDay.init(ordinal:)))
    }

    /// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
    static let cn2026 = HolidayCalendar(
        holidays: days("2026-01-01", "2026-01-03").union(days("2026-02-15", "2026-02-23"))
            .union(days("2026-04-04", "2026-04-06")).union(days("2026-05-01", "2026-05-05"))
            .union(days("2026-06-19", "2026-06-21")).union(days("2026-09-25", "2026-09-27"))
            .union(days("2026-10-01", "2026-10-07")),
        makeUpWorkdays: Set(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
            .map(day)),
        years: [2026])

    /// 国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12).
    static let cn2025 = HolidayCalendar(
        holidays: days("2025-01-01", "2025-01-01").union(days("2025-01-28", "2025-02-04"))
            .union(days("2025-04-04", "2025-04-06")).union(days("2025-05-01", "2025-05-05"))
            .union(days("2025-05-31", "2025-06-02")).union(days("2025-10-01", "2025-10-08")),
        makeUpWorkdays: Set(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"].map(day)),
        years: [2025])

    static let both = HolidayCalendar.combining([cn2025, cn2026])

    /// An event of case 1.
    static func event(_ seq: Int64, _ name: CaseEventName, _ instant: Date,
                      detail: EventDetail = EventDetail()) -> CaseEvent {
        CaseEvent(seq: seq, caseId: 1, at: instant, actor: "tester", name: name, detail: detail)
    }
}
