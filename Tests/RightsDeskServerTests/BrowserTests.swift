import CaseCore
import CaseEngine
import CaseStore
import Foundation
import HummingbirdTesting
import Testing
@testable import RightsDeskServer

/// The end-to-end test: a real server on a loopback port and headless Chromium driven over the DevTools protocol
/// (`Browser/drive.py`, Python standard library only) through login → intake → case page → queue, then the legal
/// desk, the dashboard and a flagged intermediary's entity page as a supervisor. Screenshots go to `docs/images/` with `RIGHTSDESK_UPDATE_SCREENSHOTS=1`. Skipped, with the reason, when
/// Chromium or python3 is not installed (`.ci/run` installs Chromium through `scripts/install-deps.sh`).
@Suite("Browser (headless Chromium)")
struct BrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let available = chromium != nil && python != nil

    @Test("an operator logs in, takes a call with live hints, saves it, triages it and finds it in the queue",
          .enabled(if: available, "skipped: chromium or python3 not installed (apt-get install chromium fonts-noto-cjk)"))
    func operatorDay() async throws {
        let h = try ServerHarness()
        try Self.seed(h)
        // Screenshots go to docs/images only when asked (RIGHTSDESK_UPDATE_SCREENSHOTS=1), so CI leaves the checkout alone.
        let shots = ProcessInfo.processInfo.environment["RIGHTSDESK_UPDATE_SCREENSHOTS"] == "1"
            ? ServerHarness.repoRoot.appendingPathComponent("docs/images").path
            : h.directory.appendingPathComponent("screenshots").path
        let output = try await h.server.application().test(.live) { client in
            let port = try #require(client.port)
            return try Self.run([ServerHarness.repoRoot.appendingPathComponent("Tests/RightsDeskServerTests/Browser/drive.py").path,
                                 Self.chromium ?? "", "http://127.0.0.1:\(port)", "u-operator", "password-operator", shots,
                                 "u-supervisor", "password-supervisor"])
        }
        print(output.text)
        #expect(output.status == 0, "browser run failed: \(output.text)")
        for step in ["login", "intake", "case page", "queue", "legal", "dashboard", "entity"] {
            #expect(output.text.contains("ok \(step)\n"), "step \(step) did not pass")
        }
    }

    /// One overdue case (opened 60 days before the server's clock) against the same respondent, one referred to
    /// the legal desk, and one against a charging intermediary whose flags are recorded, so the queue, the duplicate
    /// hint, the legal queue and the dashboard's flagged intermediaries have something to show.
    static func seed(_ h: ServerHarness) throws {
        let store = try CaseStore(path: h.server.config.databasePath)
        let settings = try CaseEngineSettings.load(rulesDirectory: ServerHarness.rules)
        let past = ServerHarness.now.addingTimeInterval(-60 * 86_400)
        let earlier = CaseService(store: store, settings: settings, now: { past })
        let intake = try CaseIntake.parse(json: Data(ServerHarness.intake.utf8))
        _ = try earlier.open(intake, actor: "seed")
        let referred = try earlier.open(intake, actor: "seed")
        _ = try earlier.transition(String(referred.record.id), TransitionRequest(.triage), actor: "seed")
        _ = try earlier.transition(String(referred.record.id), TransitionRequest(.refer, authority: "legalDesk"), actor: "seed")
        let charging = #"{"kind":"fraudReport","narrative":"正规劳务派遣，面试通过交介绍费300元，电话13712345678，好运来劳务派遣有限公司","respondent":{"name":"好运来劳务派遣有限公司","type":"intermediary"}}"#
        let flagged = try earlier.open(try CaseIntake.parse(json: Data(charging.utf8)), actor: "seed")
        _ = try IntermediaryDesk(service: earlier, rulesDirectory: ServerHarness.rules).check(String(flagged.record.id))
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "/usr/bin/python3")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
