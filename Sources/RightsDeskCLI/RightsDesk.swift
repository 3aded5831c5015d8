import ArgumentParser

/// The `rightsdesk` command (minimal root for the rule engine branch; the lead's root replaces it on merge).
@main
struct RightsDesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rightsdesk",
        abstract: "RightsDesk: cases and job-posting scans for gig workers' rights.",
        subcommands: [Scan.self, Rules.self, Model.self])
}
