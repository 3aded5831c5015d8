import CaseCore
import Foundation
import Testing
@testable import CaseEngine

/// The repository root, found from this file's path (Tests/CaseEngineTests/…).
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func day(_ text: String) -> CalendarDay {
    guard let day = CalendarDay(text) else { preconditionFailure("bad fixture date \(text)") }
    return day
}

/// Runs `body` and returns the `RulesFileError` it throws, or nil.
private func rulesError<T>(_ body: () throws(RulesFileError) -> T) -> RulesFileError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

@Suite("SLA policy loader")
struct SLAPolicyLoaderTests {
    @Test("rules/sla.yaml loads and holds the documented defaults")
    func shippedFileLoads() throws {
        let policy = try SLAPolicyLoader.load(contentsOf: repositoryRoot.appendingPathComponent("rules/sla.yaml"))
        #expect(policy.limitDays(kind: .complaint, priority: .normal) == 15)
        #expect(policy.limitDays(kind: .fraudReport, priority: .urgent) == 3)
        #expect(policy.limitDays(kind: .consultation, priority: .normal) == 3)
        #expect(policy.limitDays(kind: .consultation, priority: .urgent) == 1)
        #expect(policy == SLAPolicy.defaults)
    }

    @Test("a site can override one kind and keep the defaults for the others")
    func partialOverride() throws {
        let policy = try SLAPolicyLoader.parse("limits:\n  laborDispute: { normal: 7, urgent: 2 }\n", file: "sla.yaml")
        #expect(policy.limitDays(kind: .laborDispute, priority: .normal) == 7)
        #expect(policy.limitDays(kind: .laborDispute, priority: .urgent) == 2)
        #expect(policy.limitDays(kind: .complaint, priority: .normal) == 15)
    }

    @Test("an unknown kind is an error naming it, the file and the line")
    func unknownKind() {
        let text = "limits:\n  complaint: { normal: 15, urgent: 5 }\n  wageTheft: { normal: 5, urgent: 1 }\n"
        let error = rulesError { () throws(RulesFileError) in try SLAPolicyLoader.parse(text, file: "rules/sla.yaml") }
        #expect(error?.problem == .unknownKind("wageTheft"))
        #expect(error?.line == 3)
        #expect(error?.message(.en).hasPrefix("rules/sla.yaml:3: limits.wageTheft: unknown case kind wageTheft") == true)
        #expect(error?.message(.zh).contains("wageTheft") == true)
    }

    @Test("bad limits are errors naming the entry", arguments: [
        ("limits:\n  complaint: { normal: 15, rush: 5 }\n", RulesFileError.Problem.unknownPriority("rush"),
         "limits.complaint.rush"),
        ("limits:\n  complaint: { normal: fifteen, urgent: 5 }\n", .notADayCount("fifteen"), "limits.complaint.normal"),
        ("limits:\n  complaint: { normal: 15, urgent: 0 }\n", .notADayCount("0"), "limits.complaint.urgent"),
        ("limits:\n  complaint: { normal: 15 }\n", .missingField("urgent"), "limits.complaint"),
        ("limit:\n  complaint: { normal: 15, urgent: 5 }\n", .unknownKey("limit"), "limit"),
        ("limits:\n  complaint: 15\n", .notAMapping, "limits.complaint"),
    ])
    func badLimits(text: String, problem: RulesFileError.Problem, entry: String) {
        let error = rulesError { () throws(RulesFileError) in try SLAPolicyLoader.parse(text, file: "sla.yaml") }
        #expect(error?.problem == problem)
        #expect(error?.entry == entry)
        #expect(error?.file == "sla.yaml")
    }

    @Test("broken YAML is an error with the file and line")
    func brokenYAML() {
        let text = "limits:\n  complaint: { normal: 15, urgent: 5 }\n  fraudReport: { normal: 10, urgent: 3\n"
        let error = rulesError { () throws(RulesFileError) in try SLAPolicyLoader.parse(text, file: "rules/sla.yaml") }
        guard case .syntax = error?.problem else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(error?.file == "rules/sla.yaml")
        #expect(error?.line == 4)
        #expect(error?.message(.en).hasPrefix("rules/sla.yaml:4: YAML syntax error") == true)
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        let url = URL(fileURLWithPath: "/nonexistent/rightsdesk/sla.yaml")
        let error = rulesError { () throws(RulesFileError) in try SLAPolicyLoader.load(contentsOf: url) }
        #expect(error == RulesFileError(file: "/nonexistent/rightsdesk/sla.yaml", problem: .unreadable))
    }
}

@Suite("Holiday calendar loader")
struct HolidayCalendarLoaderTests {
    static let calendarDirectory = repositoryRoot.appendingPathComponent("rules/calendar")

    @Test("the shipped 2025 and 2026 files load and combine")
    func shippedFilesLoad() throws {
        let calendar = try HolidayCalendarLoader.loadDirectory(Self.calendarDirectory)
        #expect(calendar.years == [2025, 2026])
        // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 days off, 6 make-up days; 2025: 1 + 8 + 3 + 5 + 3 + 8 and 5.
        #expect(calendar.holidays.filter { $0.year == 2026 }.count == 33)
        #expect(calendar.holidays.filter { $0.year == 2025 }.count == 28)
        #expect(calendar.makeUpWorkdays == Set(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
                                                "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                                                "2026-10-10"].map(day)))
        for text in ["2026-02-15", "2026-02-23", "2026-10-01", "2026-10-07", "2026-01-01", "2025-01-28",
                     "2025-02-04", "2025-10-08", "2025-06-02"] {
            #expect(!calendar.isWorkingDay(day(text)), "\(text) should be a day off")
        }
        #expect(calendar.addingWorkingDays(3, to: day("2025-12-30")) == day("2026-01-05"))
        #expect(calendar.addingWorkingDays(2, to: day("2026-02-13")) == day("2026-02-24"))
    }

    @Test("each shipped file cites its notice")
    func shippedFilesCiteSource() throws {
        for year in [2025, 2026] {
            let text = try String(contentsOf: Self.calendarDirectory.appendingPathComponent("cn-\(year).yaml"),
                                  encoding: .utf8)
            #expect(text.contains("source: \"国务院办公厅关于\(year)年部分节假日安排的通知"))
            #expect(text.contains("https://"))
        }
    }

    static let header = "source: \"test notice\"\nyear: 2026\n"

    @Test("bad calendar entries are errors naming the file, line and entry", arguments: [
        ("holidays:\n  - { date: 2026-02-15, name: 春节 }\n  - { date: 2026-02-30, name: 春节 }\nworkdays: []\n",
         RulesFileError.Problem.invalidDate("2026-02-30"), "holidays[1]", 5),
        ("holidays:\n  - 2027-01-01\nworkdays: []\n", .wrongYear(day: "2027-01-01", year: 2026), "holidays[0]", 4),
        ("holidays:\n  - 2026-10-01\n  - 2026-10-01\nworkdays: []\n", .duplicateDay("2026-10-01"), "holidays[1]", 5),
        ("holidays:\n  - 2026-10-10\nworkdays:\n  - 2026-10-10\n", .holidayAndWorkday("2026-10-10"), "workdays[0]", 6),
        ("holidays: []\nworkdays:\n  - 2026-10-09\n", .workdayNotWeekend("2026-10-09"), "workdays[0]", 5),
        ("holidays: []\nworkday:\n  - 2026-10-10\n", .unknownKey("workday"), "workday", 4),
        ("holidays:\n  - { name: 春节 }\nworkdays: []\n", .missingField("date"), "holidays[0]", 4),
    ])
    func badEntries(body: String, problem: RulesFileError.Problem, entry: String, line: Int) {
        let error = rulesError { () throws(RulesFileError) in
            try HolidayCalendarLoader.parse(Self.header + body, file: "rules/calendar/cn-2026.yaml")
        }
        #expect(error?.problem == problem)
        #expect(error?.entry == entry)
        #expect(error?.line == line)
        #expect(error?.message(.en).hasPrefix("rules/calendar/cn-2026.yaml:\(line): \(entry):") == true)
    }

    @Test("source, year and both lists are required")
    func requiredFields() {
        func problem(_ text: String) -> RulesFileError.Problem? {
            rulesError { () throws(RulesFileError) in try HolidayCalendarLoader.parse(text, file: "c.yaml") }?.problem
        }
        #expect(problem("year: 2026\nholidays: []\nworkdays: []\n") == .missingField("source"))
        #expect(problem("source: x\nholidays: []\nworkdays: []\n") == .missingField("year"))
        #expect(problem("source: x\nyear: twenty\nholidays: []\nworkdays: []\n") == .invalidYear("twenty"))
        #expect(problem("source: x\nyear: 2026\nworkdays: []\n") == .missingField("holidays"))
        #expect(problem("source: x\nyear: 2026\nholidays: 2026-01-01\nworkdays: []\n") == .notAList)
    }

    @Test("two files for the same year are refused")
    func duplicateYear() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rightsdesk-calendar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = Self.header + "holidays:\n  - 2026-10-01\nworkdays: []\n"
        try text.write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try text.write(to: directory.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let error = rulesError { () throws(RulesFileError) in try HolidayCalendarLoader.loadDirectory(directory) }
        #expect(error?.problem == .duplicateYear(2026))
        #expect(error?.file.hasSuffix("b.yaml") == true)
    }
}
