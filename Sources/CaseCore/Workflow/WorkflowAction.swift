/// The service clock of a case (its time limit from `rules/sla.yaml`).
public enum ClockChange: String, Codable, Sendable, Equatable {
    /// Starts a fresh time limit (on open and reopen).
    case start
    /// Pauses while the case waits for the caller's information.
    case pause
    /// Resumes after a pause.
    case resume
    /// Stops: the case left the service's hands (resolved, referred, rejected, withdrawn).
    case stop
}

/// Who should hear about a transition.
public enum NotifyTarget: Equatable, Sendable {
    case assignee(String)
    case department(String)
    case complainant
    case legalDesk
}

/// Something the engine must do because of a transition. The state machine returns these and performs none; the
/// engine performs them in one transaction.
public enum WorkflowAction: Equatable, Sendable {
    /// Append the transition to the audit log.
    case appendEvent(CaseEventName, from: CaseStatus, to: CaseStatus)
    case setStatus(CaseStatus)
    case setAssignment(assignee: String?, department: String?)
    case clock(ClockChange)
    case notify(NotifyTarget)
    /// Put the case in an outside authority's or the legal desk's referral queue.
    case enqueueReferral(authority: String)
}
