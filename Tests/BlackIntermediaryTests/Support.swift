@testable import BlackIntermediary
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

/// The history the rule examples are written against: the plugin's own example history, so the tests and
/// `rules test` check the examples against the same facts.
typealias FixtureHistory = ExampleHistory
