import CaseCore
@testable import CaseStore
import Foundation

/// Small cases written for these tests (fictional people, numbers and companies).
enum Fixture {
    /// 2026-03-02 10:00:00.123 in China Standard Time.
    static let t0 = Date(timeIntervalSince1970: 1_772_416_800.123)

    static func record(_ narrative: String = "在某平台应聘仓库分拣员，被要求先交押金500元，交押金后对方失联。",
                       kind: CaseKind = .complaint, status: CaseStatus = .received, parties: [Party] = [],
                       department: String? = nil, assignee: String? = nil, createdAt: Date = t0) -> CaseRecord {
        CaseRecord(kind: kind, channel: .hotline, status: status, narrative: narrative, parties: parties,
                   department: department, assignee: assignee, createdAt: createdAt)
    }

    /// A case with every field set.
    static func fullRecord() -> CaseRecord {
        CaseRecord(
            kind: .laborDispute, channel: .walkIn, status: .assigned, priority: .urgent,
            narrative: "工地拖欠三个月工资共计12000元，包工头王某称“等项目结款”。",
            parties: [
                Party(role: .complainant, name: "李小明", phone: "13800138000", idNumber: "11010519491231002X",
                      contact: "微信 lxm_2026"),
                Party(role: .respondent, type: .employer, name: "星河建筑劳务有限公司", phone: "02088886666"),
            ],
            department: "劳动保障监察大队", assignee: "op-07", tags: ["欠薪", "农民工"],
            facts: CaseFacts(employmentStart: CalendarDay("2025-09-01"), employmentEnd: CalendarDay("2025-12-20"),
                             learnedOfInfringement: CalendarDay("2026-01-10"), amountClaimed: Fen(1_200_000),
                             workersAffected: 12, hasWrittenContract: false, workerCategory: "migrantWorker"),
            createdAt: t0, updatedAt: t0.addingTimeInterval(60))
    }

    static func openEvent(at date: Date = t0, actor: String = "op-01") -> CaseEvent {
        CaseEvent(caseId: 0, at: date, actor: actor, name: .open, to: .received)
    }

    /// A note event on `caseId`.
    static func note(_ caseId: Int64, _ text: String, at date: Date = t0) -> CaseEvent {
        CaseEvent(caseId: caseId, at: date, actor: "op-02", name: .note, text: text)
    }

    /// A fresh temporary directory for tests that open files by path.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("rightsdesk-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
