import ArgumentParser
import CaseCore
import CaseEngine
import Foundation
import PluginHost

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

    @Option(name: .long, help: "Configuration file (default: ./rightsdesk.yaml when present).")
    var config: String?

    /// `--db`, else `RIGHTSDESK_DB`, else `store.path` of the configuration, else `./rightsdesk.sqlite`.
    func databasePath(_ configuration: RightsDeskConfig) -> String {
        db ?? ProcessInfo.processInfo.environment["RIGHTSDESK_DB"] ?? configuration.databasePath ?? "rightsdesk.sqlite"
    }

    /// `rightsdesk.yaml` (or `--config`), with defaults when there is none.
    func loadConfiguration() throws -> RightsDeskConfig {
        do {
            return try ConfigLoader.load(path: config)
        } catch {
            throw EngineError.configuration(error.description)
        }
    }

    var actorName: String {
        let env = ProcessInfo.processInfo.environment
        return actor ?? env["RIGHTSDESK_ACTOR"] ?? env["USER"] ?? "cli"
    }

}

extension Language: ExpressibleByArgument {}
