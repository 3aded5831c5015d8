import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk case merge SOURCE INTO`: merge a duplicate; the source then redirects to the target.
    struct CaseMerge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "merge",
                                                        abstract: "Merge a duplicate case into another.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The duplicate.") var source: String
        @Argument(help: "The case that remains.") var into: String
        @Option var reason: String?
        @Option(help: "Refuse unless the duplicate is still at this version.") var expectVersion: Int?

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let view = try context.service.merge(source, into: into, reason: reason, expectedVersion: expectVersion,
                                                     actor: options.actorName)
                if options.json { Output.json(view) } else { Output.line(CaseRendering.detail(view, options.lang)) }
            }
        }
    }
}
