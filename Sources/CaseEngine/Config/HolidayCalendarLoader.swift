import CaseCore
import Foundation
import Yams

/// Reads `rules/calendar/cn-YYYY.yaml` files into a `HolidayCalendar`.
///
/// A file transcribes one year's State Council notice:
/// ```yaml
/// source: "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）；https://…"
/// year: 2026
/// holidays:
///   - { date: 2026-10-01, name: 国庆节 }
/// workdays:            # make-up working days (调休上班), weekend days only
///   - { date: 2026-10-10, name: 国庆节 }
/// ```
/// An entry may also be a bare date. Every date must be real, inside `year`, listed once, and not both a holiday
/// and a workday; unknown keys are refused so a typo cannot silently drop a list.
public enum HolidayCalendarLoader {
    /// Reads and parses one file.
    ///
    /// - Throws: `RulesFileError` naming the file, the line and the entry.
    public static func load(contentsOf url: URL) throws(RulesFileError) -> HolidayCalendar {
        try parse(RulesFileError.read(url), file: url.relativePath)
    }

    /// Reads every `*.yaml` file in `directory` (sorted by name) and combines them.
    ///
    /// - Throws: `RulesFileError` for the first bad file, or when two files declare the same year.
    public static func loadDirectory(_ directory: URL) throws(RulesFileError) -> HolidayCalendar {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw RulesFileError(file: directory.relativePath, problem: .unreadable)
        }
        var combined = HolidayCalendar()
        for name in names.filter({ $0.hasSuffix(".yaml") }).sorted() {
            let url = directory.appendingPathComponent(name)
            let calendar = try load(contentsOf: url)
            if let year = calendar.years.intersection(combined.years).min() {
                throw RulesFileError(file: url.relativePath, entry: "year", problem: .duplicateYear(year))
            }
            combined = combined.merging(calendar)
        }
        return combined
    }

    /// Parses the text of one calendar file; `file` names it in errors.
    ///
    /// - Throws: `RulesFileError` naming the file, the line and the entry.
    public static func parse(_ text: String, file: String) throws(RulesFileError) -> HolidayCalendar {
        let top = try RulesFileError.mapping(RulesFileError.compose(text, file: file), file: file,
                                             entry: "(top level)")
        for key in top.keys {
            let name = key.scalar?.string ?? "?"
            guard ["source", "year", "holidays", "workdays"].contains(name) else {
                throw RulesFileError(file: file, line: key.mark?.line, entry: name, problem: .unknownKey(name))
            }
        }
        guard let source = top["source"]?.scalar?.string,
              !source.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RulesFileError(file: file, line: 1, problem: .missingField("source"))
        }
        guard let yearNode = top["year"] else { throw RulesFileError(file: file, line: 1, problem: .missingField("year")) }
        let yearText = yearNode.scalar?.string ?? ""
        guard let year = Int(yearText), (1900...2200).contains(year) else {
            throw RulesFileError(file: file, line: yearNode.mark?.line, entry: "year", problem: .invalidYear(yearText))
        }
        let holidays = try days(top["holidays"], list: "holidays", year: year, file: file)
        let workdays = try days(top["workdays"], list: "workdays", year: year, file: file)
        for entry in workdays {
            guard !holidays.contains(where: { $0.day == entry.day }) else {
                throw RulesFileError(file: file, line: entry.line, entry: entry.name,
                                     problem: .holidayAndWorkday(entry.day.description))
            }
            guard entry.day.isWeekend else {
                throw RulesFileError(file: file, line: entry.line, entry: entry.name,
                                     problem: .workdayNotWeekend(entry.day.description))
            }
        }
        return HolidayCalendar(holidays: Set(holidays.map(\.day)), makeUpWorkdays: Set(workdays.map(\.day)),
                               years: [year])
    }

    /// One listed day and where it was.
    private struct Entry {
        var day: CalendarDay
        var name: String
        var line: Int?
    }

    private static func days(_ node: Node?, list: String, year: Int, file: String) throws(RulesFileError) -> [Entry] {
        guard let node else { throw RulesFileError(file: file, line: 1, problem: .missingField(list)) }
        if let scalar = node.scalar, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            return []
        }
        guard let sequence = node.sequence else {
            throw RulesFileError(file: file, line: node.mark?.line, entry: list, problem: .notAList)
        }
        var entries: [Entry] = []
        for (index, item) in sequence.enumerated() {
            let name = "\(list)[\(index)]"
            let dateNode = item.mapping.flatMap { $0["date"] } ?? item
            guard let text = dateNode.scalar?.string else {
                throw RulesFileError(file: file, line: item.mark?.line, entry: name, problem: .missingField("date"))
            }
            guard let day = CalendarDay(text) else {
                throw RulesFileError(file: file, line: dateNode.mark?.line, entry: name, problem: .invalidDate(text))
            }
            guard day.year == year else {
                throw RulesFileError(file: file, line: dateNode.mark?.line, entry: name,
                                     problem: .wrongYear(day: text, year: year))
            }
            guard !entries.contains(where: { $0.day == day }) else {
                throw RulesFileError(file: file, line: dateNode.mark?.line, entry: name, problem: .duplicateDay(text))
            }
            entries.append(Entry(day: day, name: name, line: dateNode.mark?.line))
        }
        return entries
    }
}
