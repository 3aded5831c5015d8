import Testing
@testable import CaseCore

@Suite("Holiday calendar")
struct HolidayCalendarTests {
    let calendar = Fixtures.both
    func day(_ text: String) -> CalendarDay { Fixtures.day(text) }

    @Test("make-up Saturdays work, holiday weekdays do not, ordinary weeks are Monday to Friday", arguments: [
        ("2026-02-13", true), ("2026-02-14", true), ("2026-02-15", false), ("2026-02-16", false),
        ("2026-02-23", false), ("2026-02-24", true), ("2026-02-28", true), ("2026-03-01", false),
        ("2026-09-20", true), ("2026-10-01", false), ("2026-10-07", false), ("2026-10-08", true),
        ("2026-10-10", true), ("2026-10-11", false), ("2026-01-04", true), ("2025-12-31", true),
        ("2026-01-01", false), ("2026-03-07", false), ("2026-03-09", true),
    ])
    func workingDay(text: String, working: Bool) {
        #expect(calendar.isWorkingDay(day(text)) == working)
    }

    @Test("working days across the 2026 Spring Festival")
    func springFestival() {
        #expect(calendar.workingDays(after: day("2026-02-13"), through: day("2026-02-28")) == 6)
        #expect(calendar.addingWorkingDays(1, to: day("2026-02-13")) == day("2026-02-14"))
        #expect(calendar.addingWorkingDays(2, to: day("2026-02-13")) == day("2026-02-24"))
        #expect(calendar.addingWorkingDays(0, to: day("2026-02-15")) == day("2026-02-15"))
        #expect(calendar.addingWorkingDays(-1, to: day("2026-02-24")) == day("2026-02-14"))
        #expect(calendar.workingDays(after: day("2026-02-28"), through: day("2026-02-13")) == 0)
    }

    @Test("working days across National Day 2026")
    func nationalDay() {
        #expect(calendar.addingWorkingDays(1, to: day("2026-09-18")) == day("2026-09-20"))
        #expect(calendar.addingWorkingDays(2, to: day("2026-09-30")) == day("2026-10-09"))
        #expect(calendar.addingWorkingDays(3, to: day("2026-09-30")) == day("2026-10-10"))
        #expect(calendar.workingDays(after: day("2026-09-29"), through: day("2026-10-19")) == 10)
    }

    @Test("counting and adding agree: W(a, add(n, a)) == n", arguments: [0, 1, 2, 5, 10, 15, 30])
    func roundTrip(n: Int) {
        for start in ["2025-12-30", "2026-02-12", "2026-09-24", "2026-04-30"].map(day) {
            #expect(calendar.workingDays(after: start, through: calendar.addingWorkingDays(n, to: start)) == n)
        }
    }

    @Test("combining years keeps both notices; outside them only weekends count and covers is false")
    func combiningAndCoverage() {
        #expect(calendar.years == [2025, 2026])
        #expect(calendar.covers(day("2025-06-01")) && calendar.covers(day("2026-12-31")))
        #expect(!calendar.covers(day("2027-01-01")))
        #expect(calendar.covers(from: day("2025-12-30"), through: day("2026-01-05")))
        #expect(!Fixtures.cn2026.covers(from: day("2025-12-30"), through: day("2026-01-05")))
        // 2027-01-01 is a Friday: without a 2027 notice it counts as a working day.
        #expect(calendar.isWorkingDay(day("2027-01-01")))
        #expect(calendar.addingWorkingDays(3, to: day("2026-12-30")) == day("2027-01-04"))
        #expect(HolidayCalendar.weekendsOnly.addingWorkingDays(2, to: day("2026-02-13")) == day("2026-02-17"))
    }

    @Test("the 2025 year end runs into the 2026 New Year holiday")
    func newYear() {
        // 12-31 (Wed) works, 01-01..03 are off, 01-04 is a working Sunday, 01-05 a Monday.
        #expect(calendar.addingWorkingDays(3, to: day("2025-12-30")) == day("2026-01-05"))
        #expect(calendar.addingWorkingDays(2, to: day("2025-12-30")) == day("2026-01-04"))
    }
}
