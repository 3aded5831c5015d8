import Foundation

/// A case's service time limit as computed from its event log by `ServiceClock`.
public struct ServiceDeadline: Codable, Sendable, Equatable {
    /// Whether the clock runs.
    public enum State: String, Codable, Sendable, Equatable {
        /// No `open` event yet.
        case notStarted
        case running
        /// Waiting for the caller's information (`awaitingInfo`).
        case paused
        /// Referred, resolved, rejected or withdrawn.
        case stopped
    }

    public var state: State
    /// The limit from the SLA policy, in working days, without extensions.
    public var limitDays: Int
    /// Working days consumed so far (through today while running).
    public var usedDays: Int
    /// Working days added by `extendDeadline` since the clock last started.
    public var extensionDays: Int
    /// The last day of the limit: while paused, the day it would be if the clock resumed today; when stopped, the
    /// day in force when it stopped. Nil before the clock starts.
    public var dueDay: CalendarDay?
    /// The end of `dueDay` (23:59:59 China Standard Time).
    public var dueAt: Date?
    /// Running and past `dueAt`. A paused or stopped clock is never overdue.
    public var isOverdue: Bool
    /// Stopped after `dueAt`.
    public var finishedLate: Bool
    /// False when a day the computation needed lies in a year without a holiday notice: then only weekends were
    /// treated as days off and the due day is provisional.
    public var calendarCovered: Bool

    public init(state: State, limitDays: Int, usedDays: Int, extensionDays: Int, dueDay: CalendarDay?,
                isOverdue: Bool, finishedLate: Bool, calendarCovered: Bool) {
        self.state = state
        self.limitDays = limitDays
        self.usedDays = usedDays
        self.extensionDays = extensionDays
        self.dueDay = dueDay
        self.dueAt = dueDay?.end
        self.isOverdue = isOverdue
        self.finishedLate = finishedLate
        self.calendarCovered = calendarCovered
    }

    /// Working days left (negative when past the limit).
    public var remainingDays: Int { limitDays + extensionDays - usedDays }
}
