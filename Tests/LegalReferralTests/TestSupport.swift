import CaseCore
import Foundation
@testable import LegalReferral

/// The repository's `rules/legal` directory.
let legalRulesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("rules/legal")

/// The shipped data, loaded once per use.
func shippedData() throws -> LegalData {
    try LegalDataLoader.load(directory: legalRulesDirectory)
}

/// A day from `yyyy-MM-dd` (test literals only).
func day(_ text: String) -> CalendarDay {
    guard let day = CalendarDay(text) else { preconditionFailure("bad test date \(text)") }
    return day
}

/// The 2026 National Day and Spring Festival blocks and their make-up days, from the 2026 notice.
let calendar2026: HolidayCalendar = {
    let nationalDay = (1...7).map { day(String(format: "2026-10-%02d", $0)) }
    let springFestival = (15...23).map { day(String(format: "2026-02-%02d", $0)) }
    return HolidayCalendar(holidays: Set(nationalDay + springFestival),
                           makeUpWorkdays: [day("2026-02-14"), day("2026-02-28"), day("2026-09-20"), day("2026-10-10")],
                           years: [2026])
}()

func advisor(_ data: LegalData) -> LegalAdvisor {
    LegalAdvisor(data: data, calendar: calendar2026)
}
