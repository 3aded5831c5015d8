import ArgumentParser
import CaseCore
import CaseEngine

extension RightsDesk {
    /// `rightsdesk case transition ID EVENT`: move a case through the workflow.
    struct CaseTransition: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "transition",
            abstract: "Apply a workflow event: triage, assign, start, requestInfo, provideInfo, refer, resolve, close, reject, withdraw, reopen.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case id or number.") var id: String
        @Argument(help: "The event.") var event: WorkflowEvent
        @Option(help: "Why (required for reject, withdraw, reopen).") var reason: String?
        @Option(help: "Refuse the change unless the case is still at this version.") var expectVersion: Int?
        @Option(help: "For assign: the person.") var assignee: String?
        @Option(help: "For assign: the department.") var department: String?
        @Option(help: "For refer: the authority (laborInspection, arbitration, legalAid, police, marketRegulation, court, legalDesk).")
        var authority: String?
        @Option(help: "For refer: the legal basis, e.g. 劳动合同法 第九条.") var basis: String?

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let request = TransitionRequest(event, reason: reason, assignee: assignee, department: department,
                                                authority: authority, basis: basis)
                let view = try context.service.transition(id, request, expectedVersion: expectVersion,
                                                          actor: options.actorName)
                if options.json { Output.json(view) } else { Output.line(CaseRendering.detail(view, options.lang)) }
            }
        }
    }
}
