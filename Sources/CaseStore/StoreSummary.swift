import Foundation

/// Counts of the cases in a store (merged cases excluded), keyed by raw values (`complaint`, `received`) and by
/// department name (cases without a department under `""`).
public struct StoreSummary: Codable, Sendable, Equatable {
    public var total: Int
    public var byKind: [String: Int]
    public var byStatus: [String: Int]
    public var byDepartment: [String: Int]

    public init(total: Int, byKind: [String: Int], byStatus: [String: Int], byDepartment: [String: Int]) {
        self.total = total
        self.byKind = byKind
        self.byStatus = byStatus
        self.byDepartment = byDepartment
    }
}
