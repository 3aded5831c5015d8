import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk legal advise ID TEXT`: record the legal desk's advice on a referred case.
    struct LegalAdvise: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "advise",
                                                        abstract: "Record the legal desk's advice on a referred case.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case id or number.") var id: String
        @Argument(help: "The advice given.") var text: String

        func run() throws {
            let context = try CommandContext(options)
            let desk = try context.legalDesk()
            try context.run {
                let view = try desk.advise(id, text: text, actor: options.actorName)
                if options.json { Output.json(view) } else {
                    Output.line(options.lang == .zh ? "已记录法律意见：\(view.record.number)" : "advice recorded: \(view.record.number)")
                }
            }
        }
    }
}
