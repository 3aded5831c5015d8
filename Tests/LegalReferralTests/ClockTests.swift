import CaseCore
import Testing
@testable import LegalReferral

@Suite("Clocks")
struct ClockTests {
    let site = LegalSite(minimumMonthlyWage: Fen(249_000), warningDays: 30, urgentDays: 7)
    var calculator: LegalClockCalculator { LegalClockCalculator(calendar: calendar2026, site: site) }

    func arbitration(learned: String, today: String) -> LegalClock {
        calculator.clock(.arbitrationLimitation,
                         for: LegalCase(kind: "laborDispute", facts: CaseFacts(learnedOfInfringement: day(learned))),
                         today: day(today), continuing: false)
    }

    @Test("arbitration limitation: the anniversary is the last day, the day after has passed")
    func arbitrationLastDay() {
        let onLastDay = arbitration(learned: "2025-06-10", today: "2026-06-10")
        #expect(onLastDay.lastDay == day("2026-06-10"))
        #expect(onLastDay.daysLeft == 0)
        #expect(onLastDay.level == .urgent)
        let dayAfter = arbitration(learned: "2025-06-10", today: "2026-06-11")
        #expect(dayAfter.daysLeft == -1)
        #expect(dayAfter.level == .expired)
    }

    @Test("arbitration limitation across a year boundary")
    func yearBoundary() {
        let clock = arbitration(learned: "2025-12-31", today: "2026-01-01")
        #expect(clock.lastDay == day("2026-12-31"))
        #expect(clock.daysLeft == 364)
        #expect(clock.level == .ok)
    }

    @Test("a period starting on 29 February ends on 28 February of a common year")
    func leapDay() {
        let clock = arbitration(learned: "2024-02-29", today: "2025-02-28")
        #expect(clock.lastDay == day("2025-02-28"))
        #expect(clock.daysLeft == 0)
        let window = calculator.clock(.inspectionWindow,
                                      for: LegalCase(kind: "complaint", facts: CaseFacts(employmentEnd: day("2024-02-29"))),
                                      today: day("2026-03-01"), continuing: true)
        #expect(window.lastDay == day("2026-02-28"))
        #expect(window.level == .expired)
    }

    @Test("a limitation ending in the 2026 National Day holiday names the next working day and says it is unverified")
    func nationalDay() {
        let clock = arbitration(learned: "2025-10-03", today: "2026-09-30")
        #expect(clock.lastDay == day("2026-10-03"))
        #expect(clock.nextWorkingDay == day("2026-10-08"))
        #expect(clock.daysLeft == 3)
        #expect(clock.notes.contains { $0.zh.contains("未核实") && $0.en.contains("unverified") })
    }

    @Test("a limitation ending on a make-up working Saturday is not moved")
    func makeUpDay() {
        let clock = arbitration(learned: "2025-10-10", today: "2026-10-01")
        #expect(clock.lastDay == day("2026-10-10"))
        #expect(clock.nextWorkingDay == nil)
    }

    @Test("a last day in a year the calendar does not cover moves past weekends only, with a note")
    func uncoveredYear() {
        let clock = arbitration(learned: "2026-10-02", today: "2026-10-09") // 2027-10-02 is a Saturday
        #expect(clock.nextWorkingDay == day("2027-10-04"))
        #expect(clock.notes.contains { $0.zh.contains("2027") })
    }

    @Test("wage arrears: not running while employed; one year after employment ends")
    func wageArrears() {
        let employed = calculator.clock(.wageArbitrationLimitation,
                                        for: LegalCase(kind: "laborDispute", facts: CaseFacts(employmentStart: day("2025-01-01"))),
                                        today: day("2026-06-01"), continuing: false)
        #expect(employed.level == .notRunning)
        #expect(employed.lastDay == nil)
        let ended = calculator.clock(.wageArbitrationLimitation,
                                     for: LegalCase(kind: "laborDispute", facts: CaseFacts(employmentEnd: day("2025-07-01"))),
                                     today: day("2026-07-02"), continuing: false)
        #expect(ended.lastDay == day("2026-07-01"))
        #expect(ended.level == .expired)
    }

    @Test("inspection window: two years from the act, or from the end of a continuing violation")
    func inspectionWindow() {
        let facts = CaseFacts(employmentEnd: day("2025-05-20"), learnedOfInfringement: day("2024-03-15"))
        let oneOff = calculator.clock(.inspectionWindow, for: LegalCase(kind: "complaint", facts: facts),
                                      today: day("2026-03-15"), continuing: false)
        #expect(oneOff.lastDay == day("2026-03-15"))
        #expect(oneOff.daysLeft == 0)
        let continuing = calculator.clock(.inspectionWindow, for: LegalCase(kind: "complaint", facts: facts),
                                          today: day("2026-03-15"), continuing: true)
        #expect(continuing.lastDay == day("2027-05-20"))
        #expect(continuing.nextWorkingDay == nil) // no holiday rule on the inspection window
        let stillEmployed = calculator.clock(.inspectionWindow, for: LegalCase(kind: "complaint"),
                                             today: day("2026-03-15"), continuing: true)
        #expect(stillEmployed.level == .notRunning)
    }

    @Test("legal-aid decision is due seven calendar days after the application, holidays included")
    func legalAidDecision() {
        let clock = calculator.clock(.legalAidDecision,
                                     for: LegalCase(kind: "laborDispute", legalAidAppliedOn: day("2026-09-28")),
                                     today: day("2026-09-28"), continuing: false)
        #expect(clock.lastDay == day("2026-10-05"))
        #expect(clock.nextWorkingDay == nil)
        #expect(clock.daysLeft == 7)
        #expect(clock.level == .ok) // the centre's deadline: no urgency for the worker
        let overdue = calculator.clock(.legalAidDecision,
                                       for: LegalCase(kind: "laborDispute", legalAidAppliedOn: day("2026-09-28")),
                                       today: day("2026-10-06"), continuing: false)
        #expect(overdue.level == .expired)
        let notApplied = calculator.clock(.legalAidDecision, for: LegalCase(kind: "laborDispute"),
                                          today: day("2026-12-28"), continuing: false)
        #expect(notApplied.lastDay == day("2027-01-04"))
        #expect(notApplied.level == .notRunning)
        #expect(notApplied.daysLeft == nil)
    }

    @Test("a missing date gives an unknown clock with a note, not a guess")
    func missingDate() {
        let clock = calculator.clock(.arbitrationLimitation, for: LegalCase(kind: "laborDispute"),
                                     today: day("2026-06-01"), continuing: false)
        #expect(clock.level == .unknown)
        #expect(clock.lastDay == nil)
        #expect(!clock.notes.isEmpty)
    }

    @Test("near-deadline levels at the thresholds", arguments: [
        (31, ClockLevel.ok), (30, .warning), (8, .warning), (7, .urgent), (0, .urgent), (-1, .expired),
    ])
    func levels(daysLeft: Int, expected: ClockLevel) {
        #expect(calculator.level(daysLeft: daysLeft) == expected)
    }
}
