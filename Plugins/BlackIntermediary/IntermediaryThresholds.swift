import Foundation

/// The tunable thresholds of the history-based flags, read from `rules/black-intermediary/settings/thresholds.yaml`.
///
/// The file holds `key: integer` lines (`complaints`, `days`, `sharedContactCompanies`) and `#` comments; a
/// missing file means the defaults.
public struct IntermediaryThresholds: Sendable, Equatable {
    /// Complaints (cases naming the entity, not as complainant) that make `repeat_complaints` fire.
    public var complaints: Int
    /// The window of `repeat_complaints`, in days.
    public var days: Int
    /// Distinct company names behind one contact that make `shared_contact` fire.
    public var sharedContactCompanies: Int

    /// Creates thresholds (defaults: 3 complaints in 30 days; 3 company names per contact).
    public init(complaints: Int = 3, days: Int = 30, sharedContactCompanies: Int = 3) {
        self.complaints = complaints
        self.days = days
        self.sharedContactCompanies = sharedContactCompanies
    }

    /// Reads a thresholds file; a missing file gives the defaults.
    ///
    /// - Throws: ``IntermediaryConfigError`` naming the file, the line and the key.
    public static func load(path: String) throws(IntermediaryConfigError) -> IntermediaryThresholds {
        guard FileManager.default.fileExists(atPath: path) else { return IntermediaryThresholds() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IntermediaryConfigError(file: path, line: 0, message: "cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses the text of a thresholds file.
    public static func parse(_ text: String, file: String) throws(IntermediaryConfigError) -> IntermediaryThresholds {
        var result = IntermediaryThresholds()
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let parts = trimmed.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Int(parts[1]), value >= 1, value <= 10_000 else {
                throw IntermediaryConfigError(file: file, line: number + 1, message: "expected 'key: integer 1–10000'")
            }
            switch parts[0] {
            case "complaints": result.complaints = value
            case "days": result.days = value
            case "sharedContactCompanies": result.sharedContactCompanies = value
            default: throw IntermediaryConfigError(file: file, line: number + 1, message: "unknown key '\(parts[0])'")
            }
        }
        return result
    }
}

/// A thresholds file that cannot be used: file, line and what is wrong.
public struct IntermediaryConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
