import ArgumentParser
import EntityKit

extension RightsDesk {
    /// `rightsdesk entities cases ENTITY`: the cases naming an entity, newest first.
    struct EntitiesCases: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cases", abstract: "Cases naming an entity.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "KIND:VALUE, or a phone, credit code or company name.") var entity: String
        @Option(help: "At most N cases.") var limit = 100

        func run() throws {
            let target = try EntitiesSupport.parse(entity)
            let context = try CommandContext(options)
            try context.run {
                let refs = try context.service.store.cases(naming: target, limit: max(1, limit))
                if options.json { Output.json(refs) } else {
                    Output.line(EntitiesSupport.caseTable(refs, zh: options.lang == .zh))
                }
            }
        }
    }
}
