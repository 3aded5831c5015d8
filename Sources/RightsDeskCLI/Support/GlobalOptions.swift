import ArgumentParser
import CaseCore
import Foundation

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (env RIGHTSDESK_DB; default ./rightsdesk.sqlite).")
    var db: String?

    @Flag(name: .long, help: "Print stable JSON instead of a table.")
    var json = false

    @Option(name: .long, help: "Language of labels and messages: zh (default) or en.")
    var lang: Language = .zh

    @Option(name: .long, help: "Who is acting, for the audit log (env RIGHTSDESK_ACTOR; default $USER).")
    var actor: String?

    @Option(name: .long, help: "Rules directory with sla.yaml and calendar/ (env RIGHTSDESK_RULES; default ./rules).")
    var rules: String?

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["RIGHTSDESK_DB"] ?? "rightsdesk.sqlite"
    }

    var actorName: String {
        let env = ProcessInfo.processInfo.environment
        return actor ?? env["RIGHTSDESK_ACTOR"] ?? env["USER"] ?? "cli"
    }

    /// `--rules`, else `RIGHTSDESK_RULES`, else `./rules` when it exists, else the `rules` folder of the checkout the
    /// binary was built in (found by walking up from the executable), so `.build/release/rightsdesk` works anywhere.
    var rulesDirectory: String {
        if let explicit = rules ?? ProcessInfo.processInfo.environment["RIGHTSDESK_RULES"] { return explicit }
        let fm = FileManager.default
        if fm.fileExists(atPath: "rules/sla.yaml") { return "rules" }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("rules")
            if fm.fileExists(atPath: candidate.appendingPathComponent("sla.yaml").path) { return candidate.path }
            dir.deleteLastPathComponent()
        }
        return "rules"
    }
}

extension Language: ExpressibleByArgument {}
