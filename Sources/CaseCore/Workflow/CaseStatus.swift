/// Where a case stands in the workflow (DESIGN.md, "The case workflow").
public enum CaseStatus: String, CaseIterable, Codable, Sendable {
    /// 已登记
    case received
    /// 已分流
    case triaged
    /// 已交办
    case assigned
    /// 办理中
    case inProgress
    /// 待补充材料: the service clock is paused.
    case awaitingInfo
    /// 已移送: handed to an outside authority or the legal desk.
    case referred
    /// 已办结
    case resolved
    /// 已回访归档
    case closed
    /// 不予受理 (needs a reason)
    case rejected
    /// 撤回 (needs a reason)
    case withdrawn
    /// 重办: a follow-up was unsatisfied.
    case reopened

    /// True when no further work is expected unless the case is reopened.
    public var isFinished: Bool {
        switch self {
        case .resolved, .closed, .rejected, .withdrawn: true
        case .received, .triaged, .assigned, .inProgress, .awaitingInfo, .referred, .reopened: false
        }
    }
}

/// An event that moves a case from one status to another.
public enum WorkflowEvent: String, CaseIterable, Codable, Sendable {
    case triage, assign, start, requestInfo, provideInfo, refer, resolve, close, reject, withdraw, reopen

    /// Events that are refused without a reason (DESIGN.md: reject, withdraw, reopen; deadline extension too).
    public var requiresReason: Bool {
        switch self {
        case .reject, .withdraw, .reopen: true
        case .triage, .assign, .start, .requestInfo, .provideInfo, .refer, .resolve, .close: false
        }
    }
}
