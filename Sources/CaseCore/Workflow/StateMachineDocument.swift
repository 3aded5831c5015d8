/// Generates `docs/state-machine.md` from `TransitionTable`, so the document cannot drift from the code.
///
/// A test compares the committed file with `markdown()` and fails when they differ; regenerate with
/// `swift run rightsdesk docs state-machine > docs/state-machine.md`.
public enum StateMachineDocument {
    /// The command that regenerates the document.
    public static let regenerateCommand = "swift run rightsdesk docs state-machine > docs/state-machine.md"

    /// The whole document: statuses, transitions (with reasons and clock changes) and a mermaid diagram.
    public static func markdown() -> String {
        var lines = [
            "# 案件流转状态机 (case state machine)",
            "",
            "<!-- Generated from CaseCore's TransitionTable. Do not edit: run `\(regenerateCommand)`. -->",
            "",
        ]
        lines += statusSection() + [""] + transitionSection() + [""] + reasonSection() + [""] + diagramSection()
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private static func statusSection() -> [String] {
        var lines = ["## 状态 (statuses)", "", "| 状态 | status | 已结束 (finished) | 可执行事件 (events) |",
                     "|---|---|---|---|"]
        for status in CaseStatus.allCases {
            let events = TransitionTable.transitions(from: status).map { "`\($0.event.rawValue)`" }
            lines.append("| \(Labels.status(status, .zh)) | `\(status.rawValue)` | \(status.isFinished ? "是" : "否") "
                + "| \(events.isEmpty ? "—" : events.joined(separator: ", ")) |")
        }
        return lines
    }

    private static func transitionSection() -> [String] {
        var lines = ["## 流转 (transitions)", "",
                     "| 当前状态 (from) | 事件 (event) | 目标状态 (to) | 需填原因 (reason) | 时限 (clock) |",
                     "|---|---|---|---|---|"]
        for status in CaseStatus.allCases {
            for (event, target) in TransitionTable.transitions(from: status) {
                let clock = clockChanges(event: event, from: status).map { "`\($0.rawValue)`" }
                lines.append("| \(statusCell(status)) | \(Labels.event(CaseEventName(event), .zh)) `\(event.rawValue)` "
                    + "| \(targetCell(target)) | \(event.requiresReason ? "是" : "") "
                    + "| \(clock.joined(separator: ", ")) |")
            }
        }
        return lines
    }

    private static func reasonSection() -> [String] {
        let events = WorkflowEvent.allCases.filter(\.requiresReason)
            .map { "\(Labels.event(CaseEventName($0), .zh)) `\($0.rawValue)`" }
        return ["## 必须填写原因的事件 (events that need a reason)", "", events.joined(separator: "、")]
    }

    private static func diagramSection() -> [String] {
        var lines = ["## 图 (diagram)", "", "```mermaid", "stateDiagram-v2"]
        for status in CaseStatus.allCases {
            lines.append("    state \"\(Labels.status(status, .zh))\" as \(status.rawValue)")
        }
        lines.append("    [*] --> \(CaseStatus.received.rawValue)")
        for status in CaseStatus.allCases {
            let transitions = TransitionTable.transitions(from: status)
            for (event, target) in transitions {
                let label = Labels.event(CaseEventName(event), .zh)
                for to in targets(of: target) {
                    lines.append("    \(status.rawValue) --> \(to.rawValue) : \(label)")
                }
            }
            if transitions.isEmpty { lines.append("    \(status.rawValue) --> [*]") }
        }
        lines.append("```")
        return lines
    }

    // MARK: - Helpers

    private static func statusCell(_ status: CaseStatus) -> String {
        "\(Labels.status(status, .zh)) `\(status.rawValue)`"
    }

    private static func targetCell(_ target: TransitionTarget) -> String {
        switch target {
        case let .status(status): statusCell(status)
        case .statusBeforePause:
            "补充材料前的状态 (status before the pause: "
                + pausingStatuses().map { "`\($0.rawValue)`" }.joined(separator: ", ") + ")"
        }
    }

    /// The statuses a target can be: for `statusBeforePause`, every status from which `requestInfo` leads to
    /// `awaitingInfo`.
    private static func targets(of target: TransitionTarget) -> [CaseStatus] {
        switch target {
        case let .status(status): [status]
        case .statusBeforePause: pausingStatuses()
        }
    }

    private static func pausingStatuses() -> [CaseStatus] {
        CaseStatus.allCases.filter { TransitionTable.target(of: .requestInfo, from: $0) == .status(.awaitingInfo) }
    }

    /// The clock changes the state machine returns for `event` in `status`, given a complete request.
    private static func clockChanges(event: WorkflowEvent, from status: CaseStatus) -> [ClockChange] {
        let request = TransitionRequest(event, reason: "-", assignee: "-", department: "-", authority: "-")
        let decision = try? CaseStateMachine.decide(status: status, request: request,
                                                    statusBeforePause: pausingStatuses().first)
        return (decision?.actions ?? []).compactMap {
            if case let .clock(change) = $0 { change } else { nil }
        }
    }
}
