import ArgumentParser
import CaseCore
import CaseEngine

extension RightsDesk {
    /// `rightsdesk case assign ID --to NAME [--department D]`: the `assign` event with its target.
    struct CaseAssign: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign",
                                                        abstract: "Assign a case to a person and/or department.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case id or number.") var id: String
        @Option(name: .customLong("to"), help: "The person.") var assignee: String?
        @Option(help: "The responsible department.") var department: String?
        @Option var expectVersion: Int?

        func validate() throws {
            if assignee == nil && department == nil { throw ValidationError("give --to or --department") }
        }

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let view = try context.service.transition(
                    id, TransitionRequest(.assign, assignee: assignee, department: department),
                    expectedVersion: expectVersion, actor: options.actorName)
                if options.json { Output.json(view) } else { Output.line(CaseRendering.detail(view, options.lang)) }
            }
        }
    }
}
