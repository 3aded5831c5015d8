import Testing
@testable import CaseCore

@Suite("Case state machine rules")
struct CaseStateMachineTests {
    /// (status, event) pairs that are legal and need a reason.
    static let reasonCases: [(CaseStatus, WorkflowEvent)] = [
        (.received, .reject), (.awaitingInfo, .reject), (.received, .withdraw), (.inProgress, .withdraw),
        (.resolved, .reopen), (.closed, .reopen), (.rejected, .reopen),
    ]

    @Test("reject, withdraw and reopen are refused without a reason, or with a blank one",
          arguments: reasonCases)
    func reasonRequired(status: CaseStatus, event: WorkflowEvent) throws {
        for reason in [nil, "", "  \n"] as [String?] {
            #expect(throws: WorkflowError.reasonRequired(event)) {
                try CaseStateMachine.decide(status: status, request: TransitionRequest(event, reason: reason))
            }
        }
        let decision = try CaseStateMachine.decide(status: status, request: TransitionRequest(event, reason: "重复投诉"))
        #expect(decision.from == status)
    }

    @Test("only reject, withdraw and reopen require a reason")
    func whichEventsRequireReasons() {
        #expect(Set(WorkflowEvent.allCases.filter(\.requiresReason)) == [.reject, .withdraw, .reopen])
    }

    @Test("assign needs an assignee or a department and notifies each")
    func assignRequiresAssignment() throws {
        #expect(throws: WorkflowError.assignmentRequired) {
            try CaseStateMachine.decide(status: .triaged, request: TransitionRequest(.assign))
        }
        let toPerson = try CaseStateMachine.decide(status: .triaged, request: TransitionRequest(.assign, assignee: "a1"))
        #expect(toPerson.actions.contains(.setAssignment(assignee: "a1", department: nil)))
        #expect(toPerson.actions.contains(.notify(.assignee("a1"))))
        let toDepartment = try CaseStateMachine.decide(status: .inProgress,
                                                       request: TransitionRequest(.assign, department: "人社局"))
        #expect(toDepartment.to == .assigned)
        #expect(toDepartment.actions.contains(.notify(.department("人社局"))))
        #expect(!toDepartment.actions.contains { if case .notify(.assignee) = $0 { true } else { false } })
    }

    @Test("refer needs a target authority, stops the clock and enqueues the referral")
    func referRequiresAuthority() throws {
        for authority in [nil, ""] as [String?] {
            #expect(throws: WorkflowError.authorityRequired) {
                try CaseStateMachine.decide(status: .assigned, request: TransitionRequest(.refer, authority: authority))
            }
        }
        let decision = try CaseStateMachine.decide(status: .assigned,
                                                   request: TransitionRequest(.refer, authority: "legalAid"))
        #expect(decision.to == .referred)
        #expect(decision.actions.contains(.clock(.stop)))
        #expect(decision.actions.contains(.enqueueReferral(authority: "legalAid")))
        #expect(decision.actions.contains(.notify(.legalDesk)))
        let inspection = try CaseStateMachine.decide(status: .received,
                                                     request: TransitionRequest(.refer, authority: "laborInspection"))
        #expect(!inspection.actions.contains(.notify(.legalDesk)))
    }

    @Test("provideInfo returns to the status the case had before the pause",
          arguments: [CaseStatus.triaged, .assigned, .inProgress])
    func provideInfoReturns(previous: CaseStatus) throws {
        let paused = try CaseStateMachine.decide(status: previous, request: TransitionRequest(.requestInfo))
        #expect(paused.to == .awaitingInfo)
        #expect(paused.actions.contains(.clock(.pause)))
        let resumed = try CaseStateMachine.decide(status: .awaitingInfo, request: TransitionRequest(.provideInfo),
                                                  statusBeforePause: previous)
        #expect(resumed.to == previous)
        #expect(resumed.actions == [.appendEvent(.provideInfo, from: .awaitingInfo, to: previous),
                                    .setStatus(previous), .clock(.resume)])
    }

    @Test("provideInfo without a known earlier status is refused")
    func provideInfoNeedsHistory() {
        for before in [nil, CaseStatus.awaitingInfo] {
            #expect(throws: WorkflowError.unknownStatusBeforePause) {
                try CaseStateMachine.decide(status: .awaitingInfo, request: TransitionRequest(.provideInfo),
                                            statusBeforePause: before)
            }
        }
    }

    @Test("clock actions: resolve, reject and withdraw stop, reopen starts, triage and start leave it")
    func clockActions() throws {
        func clock(_ status: CaseStatus, _ request: TransitionRequest) throws -> [ClockChange] {
            try CaseStateMachine.decide(status: status, request: request).actions.compactMap {
                if case let .clock(change) = $0 { change } else { nil }
            }
        }
        #expect(try clock(.inProgress, TransitionRequest(.resolve)) == [.stop])
        #expect(try clock(.triaged, TransitionRequest(.reject, reason: "r")) == [.stop])
        #expect(try clock(.assigned, TransitionRequest(.withdraw, reason: "r")) == [.stop])
        #expect(try clock(.resolved, TransitionRequest(.reopen, reason: "r")) == [.start])
        #expect(try clock(.received, TransitionRequest(.triage)) == [])
        #expect(try clock(.assigned, TransitionRequest(.start)) == [])
        #expect(try clock(.resolved, TransitionRequest(.close)) == [])
    }

    @Test("errors have zh and en messages naming the event")
    func errorMessages() {
        let error = WorkflowError.illegalTransition(event: .close, from: .received, allowed: [.triage])
        #expect(error.message(.zh).contains("已登记"))
        #expect(error.message(.en).contains("close") && error.message(.en).contains("triage"))
    }
}
