/// Why the state machine refused a transition. A closed set: one `message` switch.
public enum WorkflowError: Error, Equatable, Sendable {
    case illegalTransition(event: WorkflowEvent, from: CaseStatus, allowed: [WorkflowEvent])
    case reasonRequired(WorkflowEvent)
    case assignmentRequired
    case authorityRequired
    /// `provideInfo` but the log does not say which status the case had before it paused.
    case unknownStatusBeforePause

    public func message(_ language: Language = .zh) -> String {
        switch self {
        case let .illegalTransition(event, from, allowed):
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            return language == .zh
                ? "不允许的流转：状态“\(Labels.status(from, .zh))”(\(from.rawValue)) 下不能执行 \(event.rawValue)；可执行：\(list.isEmpty ? "无" : list)"
                : "illegal transition: \(event.rawValue) is not allowed in status \(from.rawValue); allowed: \(list.isEmpty ? "none" : list)"
        case let .reasonRequired(event):
            return language == .zh ? "\(event.rawValue) 必须填写原因 (--reason)" : "\(event.rawValue) requires a reason (--reason)"
        case .assignmentRequired:
            return language == .zh ? "交办必须指定承办人或承办部门" : "assign requires an assignee or a department"
        case .authorityRequired:
            return language == .zh ? "移送必须指定接收机关 (--authority)" : "refer requires a target authority (--authority)"
        case .unknownStatusBeforePause:
            return language == .zh ? "无法从记录中确定补充材料前的状态" : "the log does not show the status before awaitingInfo"
        }
    }
}

extension WorkflowError: CustomStringConvertible {
    public var description: String { message(.en) }
}
