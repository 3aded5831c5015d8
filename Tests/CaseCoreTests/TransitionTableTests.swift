import Testing
@testable import CaseCore

/// The expected workflow, written out by hand from DESIGN.md rather than read from `TransitionTable`.
private enum Expected: Equatable {
    case illegal
    case to(CaseStatus)
    /// Back to the status before `awaitingInfo`.
    case back
}

/// Rows: status; columns in this order:
/// triage, assign, start, requestInfo, provideInfo, refer, resolve, close, reject, withdraw, reopen.
private let columns: [WorkflowEvent] = [.triage, .assign, .start, .requestInfo, .provideInfo, .refer, .resolve,
                                        .close, .reject, .withdraw, .reopen]
private let x = Expected.illegal
private let grid: [CaseStatus: [Expected]] = [
    .received: [.to(.triaged), x, x, x, x, .to(.referred), x, x, .to(.rejected), .to(.withdrawn), x],
    .triaged: [x, .to(.assigned), x, .to(.awaitingInfo), x, .to(.referred), .to(.resolved), x, .to(.rejected),
               .to(.withdrawn), x],
    .assigned: [x, .to(.assigned), .to(.inProgress), .to(.awaitingInfo), x, .to(.referred), x, x, .to(.rejected),
                .to(.withdrawn), x],
    .inProgress: [x, .to(.assigned), x, .to(.awaitingInfo), x, .to(.referred), .to(.resolved), x, x,
                  .to(.withdrawn), x],
    .awaitingInfo: [x, x, x, x, .back, x, x, x, .to(.rejected), .to(.withdrawn), x],
    .referred: [x, x, x, x, x, x, .to(.resolved), x, x, .to(.withdrawn), .to(.reopened)],
    .resolved: [x, x, x, x, x, x, x, .to(.closed), x, x, .to(.reopened)],
    .closed: [x, x, x, x, x, x, x, x, x, x, .to(.reopened)],
    .rejected: [x, x, x, x, x, x, x, x, x, x, .to(.reopened)],
    .withdrawn: [x, x, x, x, x, x, x, x, x, x, x],
    .reopened: [.to(.triaged), .to(.assigned), .to(.inProgress), x, x, .to(.referred), x, x, x, .to(.withdrawn), x],
]

private func expected(_ status: CaseStatus, _ event: WorkflowEvent) -> Expected {
    guard let row = grid[status], let column = columns.firstIndex(of: event) else { return .illegal }
    return row[column]
}

/// A request carrying everything any event may need.
private func completeRequest(_ event: WorkflowEvent) -> TransitionRequest {
    TransitionRequest(event, reason: "原因", assignee: "agent-7", department: "劳动监察", authority: "laborInspection")
}

@Suite("Transition table")
struct TransitionTableTests {
    @Test("the expected grid has a row for every status and a column for every event")
    func gridIsComplete() {
        #expect(Set(grid.keys) == Set(CaseStatus.allCases))
        #expect(grid.values.allSatisfy { $0.count == WorkflowEvent.allCases.count })
        #expect(Set(columns) == Set(WorkflowEvent.allCases))
    }

    @Test("every status × event pair is legal or illegal exactly as expected",
          arguments: CaseStatus.allCases, WorkflowEvent.allCases)
    func pair(status: CaseStatus, event: WorkflowEvent) throws {
        let pausedFrom = CaseStatus.assigned
        switch expected(status, event) {
        case .illegal:
            #expect(TransitionTable.target(of: event, from: status) == nil)
            let allowed = Set(columns.filter { expected(status, $0) != .illegal })
            #expect {
                try CaseStateMachine.decide(status: status, request: completeRequest(event),
                                            statusBeforePause: pausedFrom)
            } throws: { error in
                guard case let .illegalTransition(e, from, list) = error as? WorkflowError else { return false }
                return e == event && from == status && Set(list) == allowed
            }
        case let .to(target):
            #expect(TransitionTable.target(of: event, from: status) == .status(target))
            let decision = try CaseStateMachine.decide(status: status, request: completeRequest(event),
                                                       statusBeforePause: pausedFrom)
            #expect(decision.from == status && decision.to == target)
            #expect(decision.actions.prefix(2) == [.appendEvent(CaseEventName(event), from: status, to: target),
                                                    .setStatus(target)])
        case .back:
            #expect(TransitionTable.target(of: event, from: status) == .statusBeforePause)
            let decision = try CaseStateMachine.decide(status: status, request: completeRequest(event),
                                                       statusBeforePause: pausedFrom)
            #expect(decision.to == pausedFrom)
        }
    }
}
