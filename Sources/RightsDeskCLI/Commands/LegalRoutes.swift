import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk legal routes ID`: where the case must go, on what basis, and which clocks run.
    struct LegalRoutes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "routes",
            abstract: "Show the recommended routes with law, article (未核实 = unverified), reason and deadlines.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case id or number.") var id: String
        @Option(name: .customLong("finding"), help: "A rule id another module reported (repeatable), e.g. fake_job.fee.upfront_demand.")
        var findings: [String] = []
        @Flag(help: "Raise the case's priority to urgent when a deadline is near (recorded as an update event).")
        var applyPriority = false

        func run() throws {
            let context = try CommandContext(options)
            let desk = try context.legalDesk()
            try context.run {
                if applyPriority { _ = try desk.raisePriorityIfNeeded(id, actor: options.actorName) }
                let report = try desk.routes(id, findings: findings)
                if options.json { Output.json(report) } else { Output.line(LegalRendering.routes(report, options.lang)) }
            }
        }
    }
}
