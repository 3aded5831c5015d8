import CaseCore

/// The role × action table, and which workflow events each role may apply. `docs/security.md` shows it; a test
/// checks that the document and this table agree.
public enum Permissions {
    /// Whether `role` may perform `action`.
    public static func allows(_ role: Role, _ action: Action) -> Bool {
        switch action {
        case .session, .caseRead:
            return true
        case .caseCreate, .scan, .caseLink, .caseAssign:
            return role == .operator || role == .supervisor
        case .caseReadPersonal, .caseNote, .caseTransition:
            return role == .operator || role == .legal || role == .supervisor
        case .caseMerge:
            return role == .supervisor
        case .legalRead, .legalWrite:
            return role == .legal || role == .supervisor
        case .reports:
            return role == .supervisor || role == .admin
        case .usersManage, .modulesReload:
            return role == .admin
        case .entityRead:
            return true
        case .entityReadPersonal:
            return role == .legal || role == .supervisor
        case .entityWatch:
            return role == .supervisor
        }
    }

    /// Whether `role` may apply workflow `event` to a case.
    public static func allows(_ role: Role, event: WorkflowEvent) -> Bool {
        switch event {
        case .triage, .assign, .start, .withdraw:
            return role == .operator || role == .supervisor
        case .requestInfo, .provideInfo, .refer, .resolve:
            return role == .operator || role == .legal || role == .supervisor
        case .close, .reject, .reopen:
            return role == .supervisor
        }
    }

    /// The roles that may perform `action`.
    public static func roles(for action: Action) -> [Role] {
        Role.allCases.filter { allows($0, action) }
    }

    /// The roles that may apply `event`.
    public static func roles(for event: WorkflowEvent) -> [Role] {
        Role.allCases.filter { allows($0, event: event) }
    }
}
