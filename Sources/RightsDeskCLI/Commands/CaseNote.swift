import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk case note ID TEXT`: add a note to the timeline.
    struct CaseNote: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a case.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case id or number.") var id: String
        @Argument(help: "The note.") var text: String

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let view = try context.service.note(id, text: text, actor: options.actorName)
                if options.json { Output.json(view) } else {
                    Output.line(options.lang == .zh ? "已添加备注：\(view.record.number)" : "note added: \(view.record.number)")
                }
            }
        }
    }
}
