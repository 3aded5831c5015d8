import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk legal sheet ID [--format html|text] [--full]`: print the referral sheet.
    struct LegalSheet: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case html, text }

        static let configuration = CommandConfiguration(
            commandName: "sheet", abstract: "Print a referral sheet as HTML or plain text (personal data masked unless --full).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case id or number.") var id: String
        @Option(help: "html or text.") var format: Format = .text
        @Flag(help: "Show unmasked personal data and the narrative; this read is recorded in the audit log.") var full = false
        @Option(name: .customLong("finding"), help: "A rule id another module reported (repeatable).")
        var findings: [String] = []

        func run() throws {
            let context = try CommandContext(options)
            let desk = try context.legalDesk()
            try context.run {
                let sheet = try desk.sheet(id, full: full, actor: options.actorName, findings: findings)
                switch format {
                case .html: Output.line(sheet.html(options.lang))
                case .text: Output.line(sheet.text(options.lang))
                }
            }
        }
    }
}
