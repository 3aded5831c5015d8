import CaseCore
import CaseEngine
import CaseStore
import Foundation

/// A clock the tests move by hand.
final class TestClock: @unchecked Sendable {
    // Safe: tests mutate it from one task at a time; the lock guards the value anyway.
    private let lock = NSLock()
    private var value: Date

    init(_ text: String) { value = TestClock.date(text) }

    var now: Date { lock.withLock { value } }

    func set(_ text: String) { lock.withLock { value = TestClock.date(text) } }

    /// Parses `2026-02-10 10:00` as China time.
    static func date(_ text: String) -> Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        f.dateFormat = "yyyy-MM-dd HH:mm"
        guard let d = f.date(from: text) else { preconditionFailure("bad test date \(text)") }
        return d
    }
}

enum Fixture {
    /// The repository's `rules/` directory.
    static var rulesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
    }

    static func service(clock: TestClock) throws -> CaseService {
        let settings = try CaseEngineSettings.load(rulesDirectory: rulesDirectory)
        return CaseService(store: try CaseStore.temporary(), settings: settings, now: { clock.now })
    }

    static func intake(_ narrative: String = "在某中介交了500元押金，说好的工作没有安排，押金也不退",
                       kind: CaseKind = .complaint) -> CaseIntake {
        CaseIntake(kind: kind, narrative: narrative,
                   complainant: Party(role: .complainant, name: "张三", phone: "13812345678"),
                   respondents: [Party(role: .respondent, type: .intermediary, name: "某某人力资源有限公司",
                                       phone: "139 8765 4321")])
    }
}
