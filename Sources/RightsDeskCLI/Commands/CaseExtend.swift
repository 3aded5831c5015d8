import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk case extend ID --days N --reason TEXT`: extend the service deadline.
    struct CaseExtend: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "extend",
                                                        abstract: "Extend a case's deadline by working days (reason required).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case id or number.") var id: String
        @Option(help: "Working days to add (1–60).") var days: Int
        @Option(help: "Why the extension is needed.") var reason: String
        @Option var expectVersion: Int?

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let view = try context.service.extendDeadline(id, days: days, reason: reason,
                                                              expectedVersion: expectVersion, actor: options.actorName)
                if options.json { Output.json(view) } else { Output.line(CaseRendering.detail(view, options.lang)) }
            }
        }
    }
}
