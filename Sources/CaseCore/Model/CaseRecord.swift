import Foundation

/// A case as stored: the current state. Its history is the list of `CaseEvent`s.
public struct CaseRecord: Codable, Sendable, Equatable {
    /// Store-assigned id (0 before the case is stored).
    public var id: Int64
    /// Readable number such as `WC-2026-000123`.
    public var number: String
    public var kind: CaseKind
    public var channel: Channel
    public var status: CaseStatus
    public var priority: Priority
    /// What the caller said. Personal data: never logged.
    public var narrative: String
    public var parties: [Party]
    public var department: String?
    public var assignee: String?
    public var tags: [String]
    public var facts: CaseFacts
    public var createdAt: Date
    public var updatedAt: Date
    /// Optimistic-concurrency version: 1 when created, +1 on every change.
    public var version: Int
    /// Set when this case was merged into another one; reads are redirected there.
    public var mergedInto: Int64?

    public init(id: Int64 = 0, number: String = "", kind: CaseKind, channel: Channel, status: CaseStatus = .received,
                priority: Priority = .normal, narrative: String, parties: [Party] = [], department: String? = nil,
                assignee: String? = nil, tags: [String] = [], facts: CaseFacts = CaseFacts(),
                createdAt: Date, updatedAt: Date? = nil, version: Int = 1, mergedInto: Int64? = nil) {
        self.id = id
        self.number = number
        self.kind = kind
        self.channel = channel
        self.status = status
        self.priority = priority
        self.narrative = narrative
        self.parties = parties
        self.department = department
        self.assignee = assignee
        self.tags = tags
        self.facts = facts
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.version = version
        self.mergedInto = mergedInto
    }

    public var complainant: Party? { parties.first { $0.role == .complainant } }
    public var respondents: [Party] { parties.filter { $0.role == .respondent } }
}
