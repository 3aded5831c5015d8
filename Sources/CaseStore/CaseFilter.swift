import CaseCore
import Foundation

/// Which cases `CaseStore.list(_:)` and `CaseStore.count(_:)` return. Every criterion is optional; set criteria
/// are ANDed. Merged cases are never returned.
///
/// ```swift
/// let overdue = try store.list(CaseFilter(status: [.assigned, .inProgress], department: "劳动监察", limit: 20))
/// ```
public struct CaseFilter: Sendable, Equatable {
    /// Any of these statuses (nil: any status).
    public var status: [CaseStatus]?
    /// Any of these kinds (nil: any kind).
    public var kind: [CaseKind]?
    public var department: String?
    public var assignee: String?
    /// Created at or after this instant.
    public var createdFrom: Date?
    /// Created strictly before this instant.
    public var createdTo: Date?
    /// At most this many cases (`list` only; clamped to 0...10 000).
    public var limit: Int
    /// Skip this many cases (`list` only).
    public var offset: Int

    public init(status: [CaseStatus]? = nil, kind: [CaseKind]? = nil, department: String? = nil,
                assignee: String? = nil, createdFrom: Date? = nil, createdTo: Date? = nil,
                limit: Int = 50, offset: Int = 0) {
        self.status = status
        self.kind = kind
        self.department = department
        self.assignee = assignee
        self.createdFrom = createdFrom
        self.createdTo = createdTo
        self.limit = limit
        self.offset = offset
    }
}
