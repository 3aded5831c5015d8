/// What the user asked for, beyond the event itself.
public struct TransitionRequest: Sendable, Equatable {
    public var event: WorkflowEvent
    public var reason: String?
    public var assignee: String?
    public var department: String?
    /// For `refer`: the target authority (e.g. `laborInspection`, `legalAid`).
    public var authority: String?
    public var basis: String?

    public init(_ event: WorkflowEvent, reason: String? = nil, assignee: String? = nil, department: String? = nil,
                authority: String? = nil, basis: String? = nil) {
        self.event = event
        self.reason = reason
        self.assignee = assignee
        self.department = department
        self.authority = authority
        self.basis = basis
    }
}

/// The state machine's answer: the new status and what to do.
public struct TransitionDecision: Sendable, Equatable {
    public var from: CaseStatus
    public var to: CaseStatus
    public var actions: [WorkflowAction]
}
