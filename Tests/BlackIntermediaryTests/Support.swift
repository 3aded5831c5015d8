import BlackIntermediary
import CaseEngine
import CaseStore
import EntityKit
import Foundation
import RuleKit

enum Support {
    /// The repository's `rules/` directory.
    static var rulesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
    }

    static func module() throws -> BlackIntermediary { try BlackIntermediary(rulesDirectory: rulesDirectory) }

    static func service(now: @escaping @Sendable () -> Date) throws -> CaseService {
        let settings = try CaseEngineSettings.load(rulesDirectory: rulesDirectory)
        return CaseService(store: try CaseStore.temporary(), settings: settings, now: now)
    }

    /// 2026-03-02 09:00 China time.
    static let monday = Date(timeIntervalSince1970: 1_772_413_200)

    static func days(_ n: Double, after date: Date = monday) -> Date { date.addingTimeInterval(n * 86_400) }
}

/// The fixture history the rule examples are written against (see IntermediaryRules).
struct FixtureHistory: EvaluationContext, EntityHistory {
    func entityCount(kind: String, value: String) -> Int { 0 }

    func complaintCount(_ entity: Entity, withinDays days: Int) -> Int {
        entity == Entity(kind: .phone, value: "13800000002") ? 5 : 0
    }

    func companies(sharing entity: Entity) -> [String] {
        entity == Entity(kind: .phone, value: "13800000001") ? ["好运来劳务公司", "东莞速聘人力公司"] : []
    }

    func watchReason(_ entity: Entity) -> String? {
        entity == Entity(kind: .wechat, value: "heizhongjie01") ? "多次收取押金不退" : nil
    }

    func flagCount(_ entity: Entity) -> Int {
        entity == Entity(kind: .phone, value: "13800000003") ? 2 : 0
    }
}
