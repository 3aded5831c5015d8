import CaseCore
import Foundation
import Yams

/// Reads `rules/sla.yaml` into an `SLAPolicy`.
///
/// The file has one key, `limits`, mapping each case kind to `{ normal: N, urgent: N }` working days (whole numbers,
/// 1…3650). A kind left out keeps `SLAPolicy.defaults`; an unknown kind or priority is an error naming it.
///
/// ```swift
/// let policy = try SLAPolicyLoader.load(contentsOf: URL(fileURLWithPath: "rules/sla.yaml"))
/// ```
public enum SLAPolicyLoader {
    /// The largest limit accepted, in working days.
    public static let maxDays = 3650

    /// Reads and parses a file.
    ///
    /// - Throws: `RulesFileError` naming the file, the line and the entry.
    public static func load(contentsOf url: URL) throws(RulesFileError) -> SLAPolicy {
        try parse(RulesFileError.read(url), file: url.relativePath)
    }

    /// Parses the text of an SLA file; `file` names it in errors.
    ///
    /// - Throws: `RulesFileError` naming the file, the line and the entry.
    public static func parse(_ text: String, file: String) throws(RulesFileError) -> SLAPolicy {
        let root = try RulesFileError.compose(text, file: file)
        let top = try RulesFileError.mapping(root, file: file, entry: "(top level)")
        var limits = SLAPolicy.defaults.limits
        for (key, value) in top {
            guard let name = key.scalar?.string, name == "limits" else {
                throw RulesFileError(file: file, line: key.mark?.line, entry: key.scalar?.string ?? "?",
                                     problem: .unknownKey(key.scalar?.string ?? "?"))
            }
            for (kindNode, limitNode) in try RulesFileError.mapping(value, file: file, entry: "limits") {
                let kindName = kindNode.scalar?.string ?? "?"
                guard let kind = CaseKind(rawValue: kindName) else {
                    throw RulesFileError(file: file, line: kindNode.mark?.line, entry: "limits.\(kindName)",
                                         problem: .unknownKind(kindName))
                }
                limits[kind] = try limit(limitNode, entry: "limits.\(kindName)", file: file)
            }
        }
        return SLAPolicy(limits: limits)
    }

    private static func limit(_ node: Node, entry: String, file: String) throws(RulesFileError) -> SLAPolicy.Limit {
        var days: [Priority: Int] = [:]
        for (key, value) in try RulesFileError.mapping(node, file: file, entry: entry) {
            let name = key.scalar?.string ?? "?"
            guard let priority = Priority(rawValue: name) else {
                throw RulesFileError(file: file, line: key.mark?.line, entry: "\(entry).\(name)",
                                     problem: .unknownPriority(name))
            }
            let text = value.scalar?.string ?? ""
            guard let n = Int(text), (1...maxDays).contains(n) else {
                throw RulesFileError(file: file, line: value.mark?.line, entry: "\(entry).\(name)",
                                     problem: .notADayCount(text))
            }
            days[priority] = n
        }
        guard let normal = days[.normal] else {
            throw RulesFileError(file: file, line: node.mark?.line, entry: entry, problem: .missingField("normal"))
        }
        guard let urgent = days[.urgent] else {
            throw RulesFileError(file: file, line: node.mark?.line, entry: entry, problem: .missingField("urgent"))
        }
        return SLAPolicy.Limit(normal: normal, urgent: urgent)
    }
}

// MARK: - Errors

/// Why a rules file (`rules/sla.yaml`, `rules/calendar/*.yaml`) was refused: where (file, line, entry) and what.
///
/// Lives beside the first loader that needed it; `HolidayCalendarLoader` throws it too.
public struct RulesFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: Equatable, Sendable {
        case unreadable
        /// YAML syntax, with libyaml's description.
        case syntax(String)
        /// Expected a mapping (`key: value`) here.
        case notAMapping
        /// Expected a list here.
        case notAList
        case missingField(String)
        case unknownKey(String)
        case unknownKind(String)
        case unknownPriority(String)
        /// Not a whole number of days in the allowed range.
        case notADayCount(String)
        /// Not a real `yyyy-MM-dd` date.
        case invalidDate(String)
        case invalidYear(String)
        /// A day outside the file's `year`.
        case wrongYear(day: String, year: Int)
        case duplicateDay(String)
        /// The same day is listed as a holiday and a make-up working day.
        case holidayAndWorkday(String)
        /// A make-up working day that is not a Saturday or Sunday.
        case workdayNotWeekend(String)
        /// Two calendar files declare the same year.
        case duplicateYear(Int)
    }

    /// The file as given (e.g. `rules/sla.yaml`).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// The entry, e.g. `limits.complaint` or `holidays[3]`.
    public var entry: String?
    public var problem: Problem

    public init(file: String, line: Int? = nil, entry: String? = nil, problem: Problem) {
        self.file = file
        self.line = line
        self.entry = entry
        self.problem = problem
    }

    /// `file:line: entry: problem`, in Chinese or English.
    public func message(_ language: Language = .zh) -> String {
        let place = file + (line.map { ":\($0)" } ?? "") + (entry.map { ": \($0)" } ?? "")
        return "\(place): \(problemText(language))"
    }

    public var description: String { message(.en) }

    private func problemText(_ language: Language) -> String {
        let zh = language == .zh
        switch problem {
        case .unreadable: return zh ? "无法读取文件" : "cannot read the file"
        case let .syntax(text): return zh ? "YAML 语法错误：\(text)" : "YAML syntax error: \(text)"
        case .notAMapping: return zh ? "此处应为映射（键: 值）" : "expected a mapping (key: value)"
        case .notAList: return zh ? "此处应为列表" : "expected a list"
        case let .missingField(name): return zh ? "缺少字段 \(name)" : "missing field \(name)"
        case let .unknownKey(name): return zh ? "未知字段 \(name)" : "unknown key \(name)"
        case let .unknownKind(name):
            return zh ? "未知案件类型 \(name)（可用：\(Self.kinds)）" : "unknown case kind \(name) (known: \(Self.kinds))"
        case let .unknownPriority(name):
            return zh ? "未知优先级 \(name)（可用：normal, urgent）" : "unknown priority \(name) (known: normal, urgent)"
        case let .notADayCount(text):
            return zh ? "“\(text)”不是 1–\(SLAPolicyLoader.maxDays) 的整数天数"
                : "\"\(text)\" is not a whole number of days from 1 to \(SLAPolicyLoader.maxDays)"
        case let .invalidDate(text):
            return zh ? "“\(text)”不是有效日期（yyyy-MM-dd）" : "\"\(text)\" is not a valid date (yyyy-MM-dd)"
        case let .invalidYear(text): return zh ? "“\(text)”不是有效年份" : "\"\(text)\" is not a valid year"
        case let .wrongYear(day, year):
            return zh ? "\(day) 不在本文件的年份 \(year) 内" : "\(day) is outside this file's year \(year)"
        case let .duplicateDay(day): return zh ? "\(day) 重复列出" : "\(day) is listed twice"
        case let .holidayAndWorkday(day):
            return zh ? "\(day) 同时列为假日和调休上班日" : "\(day) is both a holiday and a make-up working day"
        case let .workdayNotWeekend(day):
            return zh ? "\(day) 不是周末，不能是调休上班日" : "\(day) is not a weekend day, so it cannot be a make-up working day"
        case let .duplicateYear(year): return zh ? "年份 \(year) 在多个文件中出现" : "year \(year) is in more than one file"
        }
    }

    private static let kinds = CaseKind.allCases.map(\.rawValue).joined(separator: ", ")
}

// MARK: - YAML helpers shared by the rules loaders

extension RulesFileError {
    /// The text of `url`.
    static func read(_ url: URL) throws(RulesFileError) -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RulesFileError(file: url.relativePath, problem: .unreadable)
        }
    }

    /// The document's root node; syntax errors carry libyaml's line.
    static func compose(_ text: String, file: String) throws(RulesFileError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw RulesFileError(file: file, problem: .syntax(String(describing: error)))
        }
        guard let root else { throw RulesFileError(file: file, line: 1, problem: .notAMapping) }
        return root
    }

    /// `node` as a mapping, or an error naming `entry`.
    static func mapping(_ node: Node, file: String, entry: String) throws(RulesFileError) -> Node.Mapping {
        guard let mapping = node.mapping else {
            throw RulesFileError(file: file, line: node.mark?.line, entry: entry, problem: .notAMapping)
        }
        return mapping
    }

    private static func syntaxError(_ error: YamlError, file: String) -> RulesFileError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return RulesFileError(file: file, line: mark.line, problem: .syntax(problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            return RulesFileError(file: file, line: context.mark.line,
                                  problem: .syntax("duplicate keys: \(duplicates.joined(separator: ", "))"))
        default:
            return RulesFileError(file: file, problem: .syntax(String(describing: error)))
        }
    }
}
