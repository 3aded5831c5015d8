import ArgumentParser
import CaseCore
import CaseEngine
import Foundation

extension RightsDesk {
    /// `rightsdesk case open`: log a call as a case, from flags or from one JSON object (`-` = stdin).
    struct CaseOpen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Open a case from flags, or from a JSON object in FILE or on stdin (-).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "A JSON file with the intake, or - for stdin. Without it, use the flags.")
        var input: String?
        @Option var kind: CaseKind?
        @Option var channel: Channel = .hotline
        @Option var priority: Priority = .normal
        @Option(help: "What the caller said.") var narrative: String?
        @Option var complainantName: String?
        @Option var complainantPhone: String?
        @Option var complainantId: String?
        @Option var respondentName: String?
        @Option var respondentPhone: String?
        @Option(help: "employer, intermediary, platform or person.") var respondentType: RespondentType?
        @Option var department: String?
        @Option(help: "A tag; repeat for several.") var tag: [String] = []
        @Option(help: "Amount claimed in yuan, e.g. 3500.00.") var amount: String?

        func validate() throws {
            if input == nil {
                guard kind != nil else { throw ValidationError("--kind is required (or give a JSON intake)") }
                guard narrative != nil else { throw ValidationError("--narrative is required (or give a JSON intake)") }
            }
            if let amount, Fen(yuan: amount) == nil { throw ValidationError("--amount: not a yuan amount: \(amount)") }
        }

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let intake = try makeIntake()
                let view = try context.service.open(intake, actor: options.actorName)
                EntitiesIntake.print(view, context: context, options: options)
            }
        }

        private func makeIntake() throws(EngineError) -> CaseIntake {
            if let input {
                let data: Data
                if input == "-" {
                    data = FileHandle.standardInput.readDataToEndOfFile()
                } else {
                    guard let d = FileManager.default.contents(atPath: input) else {
                        throw .invalidInput(place: input, message: "无法读取文件 / cannot read file")
                    }
                    data = d
                }
                return try CaseIntake.parse(json: data)
            }
            let complainant = complainantName.map {
                Party(role: .complainant, name: $0, phone: complainantPhone, idNumber: complainantId)
            }
            let respondent = respondentName.map {
                Party(role: .respondent, type: respondentType, name: $0, phone: respondentPhone)
            }
            return CaseIntake(kind: kind ?? .complaint, channel: channel, priority: priority,
                              narrative: narrative ?? "", complainant: complainant,
                              respondents: respondent.map { [$0] } ?? [], department: department, tags: tag,
                              facts: CaseFacts(amountClaimed: amount.flatMap { Fen(yuan: $0) }))
        }
    }
}

extension CaseKind: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension Priority: ExpressibleByArgument {}
extension RespondentType: ExpressibleByArgument {}
extension CaseStatus: ExpressibleByArgument {}
extension WorkflowEvent: ExpressibleByArgument {}
extension LinkType: ExpressibleByArgument {}
