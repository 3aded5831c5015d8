import Foundation

/// Facts about a worker's situation that legal referral and deadlines need. All optional: an operator records what
/// the caller knows. Dates are calendar days (`yyyy-MM-dd`, Asia/Shanghai).
public struct CaseFacts: Codable, Sendable, Equatable {
    public var employmentStart: CalendarDay?
    public var employmentEnd: CalendarDay?
    /// When the worker learned (or should have learned) of the infringement; starts the arbitration limitation.
    public var learnedOfInfringement: CalendarDay?
    public var amountClaimed: Fen?
    public var workersAffected: Int?
    public var hasWrittenContract: Bool?
    /// e.g. `migrantWorker` (进城务工人员), `deliveryRider` (外卖配送员); free text for others.
    public var workerCategory: String?

    public init(employmentStart: CalendarDay? = nil, employmentEnd: CalendarDay? = nil,
                learnedOfInfringement: CalendarDay? = nil, amountClaimed: Fen? = nil, workersAffected: Int? = nil,
                hasWrittenContract: Bool? = nil, workerCategory: String? = nil) {
        self.employmentStart = employmentStart
        self.employmentEnd = employmentEnd
        self.learnedOfInfringement = learnedOfInfringement
        self.amountClaimed = amountClaimed
        self.workersAffected = workersAffected
        self.hasWrittenContract = hasWrittenContract
        self.workerCategory = workerCategory
    }

    public var isEmpty: Bool { self == CaseFacts() }
}
