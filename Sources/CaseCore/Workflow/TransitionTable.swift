/// Where an event leads.
public enum TransitionTarget: Equatable, Sendable {
    /// A fixed status.
    case status(CaseStatus)
    /// Back to the status the case had before it entered `awaitingInfo` (found in the event log).
    case statusBeforePause
}

/// The workflow's transition table, as data.
///
/// `transitions(from:)` switches over every status with no `default:`, so adding a status is a compile error here.
/// `docs/state-machine.md` is generated from this table (`rightsdesk docs state-machine`) and a test fails when it
/// drifts.
public enum TransitionTable {
    /// The events allowed in `status`, and where each leads.
    public static func transitions(from status: CaseStatus) -> [(event: WorkflowEvent, target: TransitionTarget)] {
        switch status {
        case .received:
            [(.triage, .status(.triaged)), (.refer, .status(.referred)),
             (.reject, .status(.rejected)), (.withdraw, .status(.withdrawn))]
        case .triaged:
            [(.assign, .status(.assigned)), (.requestInfo, .status(.awaitingInfo)), (.refer, .status(.referred)),
             (.resolve, .status(.resolved)), (.reject, .status(.rejected)), (.withdraw, .status(.withdrawn))]
        case .assigned:
            [(.start, .status(.inProgress)), (.assign, .status(.assigned)), (.requestInfo, .status(.awaitingInfo)),
             (.refer, .status(.referred)), (.reject, .status(.rejected)), (.withdraw, .status(.withdrawn))]
        case .inProgress:
            [(.assign, .status(.assigned)), (.requestInfo, .status(.awaitingInfo)), (.refer, .status(.referred)),
             (.resolve, .status(.resolved)), (.withdraw, .status(.withdrawn))]
        case .awaitingInfo:
            [(.provideInfo, .statusBeforePause), (.reject, .status(.rejected)), (.withdraw, .status(.withdrawn))]
        case .referred:
            [(.resolve, .status(.resolved)), (.reopen, .status(.reopened)), (.withdraw, .status(.withdrawn))]
        case .resolved:
            [(.close, .status(.closed)), (.reopen, .status(.reopened))]
        case .closed:
            [(.reopen, .status(.reopened))]
        case .rejected:
            [(.reopen, .status(.reopened))]
        case .withdrawn:
            []
        case .reopened:
            [(.triage, .status(.triaged)), (.assign, .status(.assigned)), (.start, .status(.inProgress)),
             (.refer, .status(.referred)), (.withdraw, .status(.withdrawn))]
        }
    }

    /// The target of `event` in `status`, or nil when the event is not allowed there.
    public static func target(of event: WorkflowEvent, from status: CaseStatus) -> TransitionTarget? {
        transitions(from: status).first { $0.event == event }?.target
    }
}
