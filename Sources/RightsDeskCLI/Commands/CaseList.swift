import ArgumentParser
import CaseCore
import CaseEngine
import CaseStore

extension RightsDesk {
    /// `rightsdesk case list`: the queue, newest first, with due dates.
    struct CaseList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases (the queue).")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this status; repeat for several.") var status: [CaseStatus] = []
        @Option(help: "Only this kind; repeat for several.") var kind: [CaseKind] = []
        @Option var department: String?
        @Option var assignee: String?
        @Flag(help: "Only cases past their due time.") var overdue = false
        @Option var limit = 50
        @Option var offset = 0

        func validate() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be 1…10000") }
            guard offset >= 0 else { throw ValidationError("--offset must be ≥ 0") }
        }

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let filter = CaseFilter(status: status.isEmpty ? nil : status, kind: kind.isEmpty ? nil : kind,
                                        department: department, assignee: assignee,
                                        limit: overdue ? 10_000 : limit, offset: overdue ? 0 : offset)
                var views = try context.service.list(filter, overdueOnly: overdue)
                if overdue { views = Array(views.dropFirst(offset).prefix(limit)) }
                if options.json { Output.json(views) } else { Output.line(CaseRendering.table(views, options.lang)) }
            }
        }
    }
}
