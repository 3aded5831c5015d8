import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk legal outcome ID TEXT`: record the outcome of a referral; then `case transition ID resolve`.
    struct LegalOutcome: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "outcome", abstract: "Record the outcome of a referral (then resolve the case).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case id or number.") var id: String
        @Argument(help: "The outcome.") var text: String

        func run() throws {
            let context = try CommandContext(options)
            let desk = try context.legalDesk()
            try context.run {
                let view = try desk.outcome(id, text: text, actor: options.actorName)
                if options.json { Output.json(view) } else {
                    Output.line(options.lang == .zh ? "已记录移送结果：\(view.record.number)" : "outcome recorded: \(view.record.number)")
                }
            }
        }
    }
}
