import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk case show ID`: details, deadlines and the full timeline.
    struct CaseShow: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a case with its timeline.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case id or number (WC-2026-000123).") var id: String
        @Flag(help: "Show unmasked personal data; this read is recorded in the audit log.") var full = false

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let view = try context.service.show(id, unmasked: full, actor: options.actorName)
                if options.json { Output.json(view) } else { Output.line(CaseRendering.detail(view, options.lang)) }
            }
        }
    }
}
