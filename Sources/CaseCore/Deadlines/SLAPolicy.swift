/// Service time limits in working days, per case kind and priority (`rules/sla.yaml`).
///
/// The built-in `defaults` are placeholders a site replaces with its own 12345 hotline rules, which vary by city.
///
/// ```swift
/// SLAPolicy.defaults.limitDays(kind: .complaint, priority: .urgent) // 5
/// ```
public struct SLAPolicy: Sendable, Equatable {
    /// The limits of one kind.
    public struct Limit: Sendable, Equatable {
        /// Working days for a normal case.
        public var normal: Int
        /// Working days for an urgent case.
        public var urgent: Int

        public init(normal: Int, urgent: Int) {
            self.normal = normal
            self.urgent = urgent
        }

        /// The limit for `priority`.
        public func days(_ priority: Priority) -> Int {
            switch priority {
            case .normal: normal
            case .urgent: urgent
            }
        }
    }

    /// Limits by kind; a kind missing here uses `SLAPolicy.defaults`.
    public private(set) var limits: [CaseKind: Limit]

    public init(limits: [CaseKind: Limit]) {
        self.limits = limits
    }

    /// complaint 15/5, fraudReport 10/3, laborDispute 15/5, consultation 3/1 (normal/urgent).
    public static let defaults = SLAPolicy(limits: [
        .complaint: Limit(normal: 15, urgent: 5),
        .fraudReport: Limit(normal: 10, urgent: 3),
        .laborDispute: Limit(normal: 15, urgent: 5),
        .consultation: Limit(normal: 3, urgent: 1),
    ])

    /// The limit of `kind` at `priority` in working days.
    public func limitDays(kind: CaseKind, priority: Priority) -> Int {
        let limit = limits[kind] ?? SLAPolicy.defaults.limits[kind] ?? Limit(normal: 15, urgent: 5)
        return limit.days(priority)
    }
}
