import ArgumentParser

/// The `rightsdesk` command: case work, scans of job postings, rules and reports.
@main
struct RightsDesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rightsdesk",
        abstract: "RightsDesk 零工权益保障案件系统 — gig workers' rights case system.",
        discussion: "Exit codes: 0 ok, 1 failure or scan threshold reached, 2 bad input, 3 not found, 4 conflict.",
        version: "0.1.0",
        subcommands: [Init.self, CaseGroup.self, Report.self, Docs.self, Legal.self]
    )
}
