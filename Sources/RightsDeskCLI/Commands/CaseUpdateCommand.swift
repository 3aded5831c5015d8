import ArgumentParser
import CaseCore
import CaseEngine
import Foundation

extension RightsDesk {
    /// `rightsdesk case update ID`: change priority, tags or facts, from flags or a JSON object (`-` = stdin).
    struct CaseUpdateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change a case's priority, tags or facts (reason required; recorded in the timeline).",
            discussion: """
            JSON (FILE or - for stdin): {"priority":"urgent","tags":["欠薪"],"facts":{"employmentEnd":"2026-01-10",\
            "amountClaimed":null}}. Absent keys stay; tags replace the list; a fact set to null is cleared. \
            Flags apply on top of the JSON. An update that changes nothing records nothing.
            """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case id or number.") var id: String
        @Argument(help: "A JSON file with the change, or - for stdin. Without it, use the flags.") var input: String?
        @Option(help: "Why (required; kept in the audit log).") var reason: String
        @Option var priority: Priority?
        @Option(help: "A tag; repeat for several. Replaces the tag list.") var tag: [String] = []
        @Option(help: "Amount claimed in yuan, e.g. 3500.00.") var amount: String?
        @Option(help: "Last day of employment, yyyy-MM-dd.") var employmentEnd: String?
        @Option(help: "When the worker learned of the infringement, yyyy-MM-dd.") var learnedOn: String?
        @Option var expectVersion: Int?

        func validate() throws {
            if let amount, Fen(yuan: amount) == nil { throw ValidationError("--amount: not a yuan amount: \(amount)") }
            for (flag, value) in [("--employment-end", employmentEnd), ("--learned-on", learnedOn)] {
                if let value, CalendarDay(value) == nil { throw ValidationError("\(flag): not a yyyy-MM-dd day: \(value)") }
            }
        }

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let view = try context.service.update(id, with: try makeUpdate(), reason: reason,
                                                      expectedVersion: expectVersion, actor: options.actorName)
                if options.json { Output.json(view) } else { Output.line(CaseRendering.detail(view, options.lang)) }
            }
        }

        private func makeUpdate() throws(EngineError) -> CaseUpdate {
            var update = CaseUpdate()
            if let input {
                let data = input == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                    : FileManager.default.contents(atPath: input)
                guard let data else { throw .invalidInput(place: input, message: "无法读取文件 / cannot read file") }
                update = try CaseUpdate.parse(json: data)
            }
            if let priority { update.priority = priority }
            if !tag.isEmpty { update.tags = tag }
            if let amount { update.setFacts.amountClaimed = Fen(yuan: amount) }
            if let employmentEnd { update.setFacts.employmentEnd = CalendarDay(employmentEnd) }
            if let learnedOn { update.setFacts.learnedOfInfringement = CalendarDay(learnedOn) }
            return update
        }
    }
}
