import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk legal queue`: cases referred to the legal desk or legal aid, oldest referral first.
    struct LegalQueue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "queue", abstract: "List cases referred to the legal desk or legal aid, oldest first.")

        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try CommandContext(options)
            let desk = try context.legalDesk()
            try context.run {
                let items = try desk.queue()
                if options.json { Output.json(items) } else { Output.line(LegalRendering.queue(items, options.lang)) }
            }
        }
    }
}
