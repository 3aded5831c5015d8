import ArgumentParser
import Foundation

/// The `rightsdesk` command: case work, scans of job postings, rules and reports.
///
/// Usage errors exit with 2 (ArgumentParser's default is 64), as documented for scripts in `docs/cli.md`.
@main
struct RightsDesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rightsdesk",
        abstract: "RightsDesk 零工权益保障案件系统 — gig workers' rights case system.",
        discussion: "Exit codes: 0 ok, 1 failure or scan threshold reached, 2 bad input, 3 not found, 4 conflict.",
        version: "0.1.0",
        subcommands: [Init.self, CaseGroup.self, Scan.self, Rules.self, Modules.self, Legal.self, Model.self, Report.self, Entities.self, Serve.self, Users.self, Backup.self, Docs.self]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
