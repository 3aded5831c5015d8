import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk case search QUERY`: full-text search; Chinese queries of any length.
    struct CaseSearch: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "search",
                                                        abstract: "Find cases by any words of the narrative or party names.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Words to find, e.g. 押金 or 刷单.") var query: String
        @Option var limit = 50

        func validate() throws {
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be 1…1000") }
        }

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let views = try context.service.search(query, limit: limit)
                if options.json { Output.json(views) } else { Output.line(CaseRendering.table(views, options.lang)) }
            }
        }
    }
}
