/// The case workflow as a pure function: given a status and a request, the new status and the actions to perform.
///
/// It performs nothing. `CaseEngine` applies the returned actions in one store transaction.
///
/// ```swift
/// let decision = try CaseStateMachine.decide(status: .received, request: TransitionRequest(.triage))
/// // decision.to == .triaged, decision.actions contains .appendEvent(.triage, from: .received, to: .triaged)
/// ```
public enum CaseStateMachine {
    /// Decides a transition.
    ///
    /// - Parameters:
    ///   - status: the case's current status.
    ///   - request: the event with its reason and assignment.
    ///   - statusBeforePause: for `provideInfo`, the status the case had when it entered `awaitingInfo`
    ///     (the engine reads it from the event log).
    /// - Throws: `WorkflowError` when the event is not allowed, a reason or assignment is missing.
    public static func decide(status: CaseStatus, request: TransitionRequest,
                              statusBeforePause: CaseStatus? = nil) throws(WorkflowError) -> TransitionDecision {
        let event = request.event
        guard let target = TransitionTable.target(of: event, from: status) else {
            throw .illegalTransition(event: event, from: status,
                                     allowed: TransitionTable.transitions(from: status).map(\.event))
        }
        if event.requiresReason, (request.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .reasonRequired(event)
        }
        let to: CaseStatus
        switch target {
        case let .status(s): to = s
        case .statusBeforePause:
            guard let previous = statusBeforePause, previous != .awaitingInfo else { throw .unknownStatusBeforePause }
            to = previous
        }
        var actions: [WorkflowAction] = [.appendEvent(CaseEventName(event), from: status, to: to), .setStatus(to)]
        actions += try sideEffects(of: request, to: to)
        return TransitionDecision(from: status, to: to, actions: actions)
    }

    private static func sideEffects(of request: TransitionRequest,
                                    to: CaseStatus) throws(WorkflowError) -> [WorkflowAction] {
        switch request.event {
        case .assign:
            guard request.assignee != nil || request.department != nil else { throw .assignmentRequired }
            var actions: [WorkflowAction] = [.setAssignment(assignee: request.assignee, department: request.department)]
            if let a = request.assignee { actions.append(.notify(.assignee(a))) }
            if let d = request.department { actions.append(.notify(.department(d))) }
            return actions
        case .refer:
            guard let authority = request.authority, !authority.isEmpty else { throw .authorityRequired }
            return [.clock(.stop), .enqueueReferral(authority: authority)]
                + (authority == "legalDesk" || authority == "legalAid" ? [.notify(.legalDesk)] : [])
        case .requestInfo:
            return [.clock(.pause), .notify(.complainant)]
        case .provideInfo:
            return [.clock(.resume)]
        case .resolve:
            return [.clock(.stop), .notify(.complainant)]
        case .reject, .withdraw:
            return [.clock(.stop), .notify(.complainant)]
        case .reopen:
            return [.clock(.start)]
        case .triage, .start, .close:
            return []
        }
    }
}

import Foundation
