import ArgumentParser
import Foundation

/// The `rightsdesk` command (minimal root for the rule engine branch; the lead's root replaces it on merge).
///
/// Usage errors exit with 2 (ArgumentParser's default is 64), as documented for scripts in docs/cli.md.
@main
struct RightsDesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rightsdesk",
        abstract: "RightsDesk: cases and job-posting scans for gig workers' rights.",
        subcommands: [Scan.self, Rules.self, Model.self])

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
