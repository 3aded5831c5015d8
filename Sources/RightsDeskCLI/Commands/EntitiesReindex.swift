import ArgumentParser

extension RightsDesk {
    /// `rightsdesk entities reindex`: index the entities of every stored case (for older databases).
    struct EntitiesReindex: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reindex",
                                                        abstract: "Index the entities of all stored cases again.")
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let count = try context.service.rebuildEntityIndex()
                if options.json { Output.json(["cases": count]) } else { Output.line("\(count)") }
            }
        }
    }
}
