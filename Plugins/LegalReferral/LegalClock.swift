import CaseCore
import RuleKit

/// How close a clock is to running out.
public enum ClockLevel: String, Codable, Sendable, Comparable {
    /// More than `warningDays` left.
    case ok
    /// `warningDays` or fewer left.
    case warning
    /// `urgentDays` or fewer left (0 = today is the last day).
    case urgent
    /// The last day has passed.
    case expired
    /// The period has not started (e.g. wage arrears while still employed).
    case notRunning
    /// A date the clock needs is missing, or today is unknown.
    case unknown

    private var rank: Int {
        switch self {
        case .notRunning: 0
        case .unknown: 1
        case .ok: 2
        case .warning: 3
        case .urgent: 4
        case .expired: 5
        }
    }

    public static func < (lhs: ClockLevel, rhs: ClockLevel) -> Bool { lhs.rank < rhs.rank }
}

/// One computed clock: when it started, its last day (calendar days), how many days are left and notes.
public struct LegalClock: Codable, Sendable, Equatable {
    public var kind: ClockKind
    /// The day the period runs from (the day itself is not counted).
    public var start: CalendarDay?
    /// The last day of the period, counted in calendar days.
    public var lastDay: CalendarDay?
    /// When `lastDay` is not a working day: the next working day, to which the civil-procedure rule (recalled,
    /// unverified) would move the end. Days left are always counted to `lastDay`.
    public var nextWorkingDay: CalendarDay?
    /// Calendar days from today to `lastDay` (0 = today is the last day; negative = passed).
    public var daysLeft: Int?
    public var level: ClockLevel
    /// Explanations (zh, en): missing dates, holiday rule, calendar coverage.
    public var notes: [LocalizedText]

    /// Creates a clock.
    public init(kind: ClockKind, start: CalendarDay? = nil, lastDay: CalendarDay? = nil,
                nextWorkingDay: CalendarDay? = nil, daysLeft: Int? = nil, level: ClockLevel, notes: [LocalizedText] = []) {
        self.kind = kind
        self.start = start
        self.lastDay = lastDay
        self.nextWorkingDay = nextWorkingDay
        self.daysLeft = daysLeft
        self.level = level
        self.notes = notes
    }
}
