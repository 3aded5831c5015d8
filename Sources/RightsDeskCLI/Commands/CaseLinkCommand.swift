import ArgumentParser
import CaseCore
import CaseEngine

extension RightsDesk {
    /// `rightsdesk case link ID TARGET --type related|parent|duplicateOf`.
    struct CaseLinkCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "link", abstract: "Link two cases.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The case to link from.") var id: String
        @Argument(help: "The case to link to.") var target: String
        @Option(help: "related (default), parent or duplicateOf.") var type: LinkType = .related
        @Option var reason: String?

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let view = try context.service.link(id, to: target, type: type, reason: reason, actor: options.actorName)
                if options.json { Output.json(view) } else { Output.line(CaseRendering.detail(view, options.lang)) }
            }
        }
    }
}
