import Foundation
import Testing
@testable import CaseCore

@Suite("State machine document")
struct StateMachineDocumentTests {
    /// `docs/state-machine.md`, found from this file's path (Tests/CaseCoreTests/…).
    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/state-machine.md")

    @Test("docs/state-machine.md matches the transition table")
    func documentIsCurrent() throws {
        let generated = StateMachineDocument.markdown()
        if ProcessInfo.processInfo.environment["RIGHTSDESK_UPDATE_DOCS"] == "1" {
            try generated.write(to: Self.documentURL, atomically: true, encoding: .utf8)
        }
        let committed = try? String(contentsOf: Self.documentURL, encoding: .utf8)
        #expect(committed == generated,
                "out of date: run `swift run rightsdesk docs state-machine > docs/state-machine.md`")
    }

    @Test("the document lists every transition and draws every edge")
    func documentContent() {
        let text = StateMachineDocument.markdown()
        for status in CaseStatus.allCases {
            for (event, _) in TransitionTable.transitions(from: status) {
                let row = "| \(Labels.status(status, .zh)) `\(status.rawValue)` | "
                    + "\(Labels.event(CaseEventName(event), .zh)) `\(event.rawValue)` | "
                #expect(text.contains(row))
            }
        }
        #expect(text.contains("stateDiagram-v2"))
        #expect(text.contains("    received --> triaged : 分流"))
        #expect(text.contains("    awaitingInfo --> inProgress : 补充材料"))
        #expect(text.contains("    withdrawn --> [*]"))
        #expect(text.contains("| 不予受理 `rejected` | 重办 `reopen` | 重办 `reopened` | 是 | `start` |"))
    }
}
