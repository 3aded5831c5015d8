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

    /// `--rules`, else `RulesLocator.defaultDirectory()`.
    var rulesDirectory: String {
        rules ?? RulesLocator.defaultDirectory()
    }
}

extension Language: ExpressibleByArgument {}
