/// Which days are working days: Monday to Friday, minus official holidays, plus make-up working days (调休上班).
///
/// Built from the yearly notices in `rules/calendar/cn-YYYY.yaml` (loaded by `CaseEngine`). For a year the calendar
/// does not cover, only weekends are days off and `covers(_:)` is false, so a deadline can say it is provisional.
///
/// ```swift
/// let calendar = HolidayCalendar(holidays: springFestival, makeUpWorkdays: [feb14, feb28], years: [2026])
/// calendar.addingWorkingDays(1, to: CalendarDay("2026-02-13")!) // 2026-02-14, a working Saturday
/// ```
public struct HolidayCalendar: Sendable, Equatable {
    /// Days off on a day that would otherwise be a working day (and weekend days inside a holiday block).
    public private(set) var holidays: Set<CalendarDay>
    /// Weekend days that are working days (调休上班).
    public private(set) var makeUpWorkdays: Set<CalendarDay>
    /// The years whose official notice this calendar holds.
    public private(set) var years: Set<Int>

    /// - Parameters:
    ///   - holidays: every day of every holiday block.
    ///   - makeUpWorkdays: make-up working days; a day in both sets counts as a working day.
    ///   - years: the years these sets are complete for.
    public init(holidays: Set<CalendarDay> = [], makeUpWorkdays: Set<CalendarDay> = [], years: Set<Int> = []) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
        self.years = years
    }

    /// A calendar that knows no holidays and covers no year: weekends only.
    public static let weekendsOnly = HolidayCalendar()

    /// This calendar combined with another (e.g. the 2025 and 2026 files).
    public func merging(_ other: HolidayCalendar) -> HolidayCalendar {
        HolidayCalendar(holidays: holidays.union(other.holidays),
                        makeUpWorkdays: makeUpWorkdays.union(other.makeUpWorkdays),
                        years: years.union(other.years))
    }

    /// Several calendars combined into one.
    public static func combining(_ calendars: [HolidayCalendar]) -> HolidayCalendar {
        calendars.reduce(HolidayCalendar()) { $0.merging($1) }
    }

    /// True when the official notice for `day`'s year is part of this calendar.
    public func covers(_ day: CalendarDay) -> Bool { years.contains(day.year) }

    /// True when every year from `first` through `last` is covered.
    public func covers(from first: CalendarDay, through last: CalendarDay) -> Bool {
        let (a, b) = first <= last ? (first.year, last.year) : (last.year, first.year)
        return (a...b).allSatisfy(years.contains)
    }

    /// A make-up day is a working day; a holiday is not; otherwise Monday to Friday are.
    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        if makeUpWorkdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return !day.isWeekend
    }

    /// The number of working days `d` with `start < d ≤ end`; 0 when `end ≤ start`.
    public func workingDays(after start: CalendarDay, through end: CalendarDay) -> Int {
        guard start < end else { return 0 }
        var count = 0
        for ordinal in (start.ordinal + 1)...end.ordinal where isWorkingDay(CalendarDay(ordinal: ordinal)) {
            count += 1
        }
        return count
    }

    /// The `n`-th working day after `day`; `day` itself when `n` is 0, and the `|n|`-th working day before `day`
    /// when `n` is negative.
    public func addingWorkingDays(_ n: Int, to day: CalendarDay) -> CalendarDay {
        let step = n < 0 ? -1 : 1
        var remaining = abs(n)
        var current = day
        while remaining > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }
}
