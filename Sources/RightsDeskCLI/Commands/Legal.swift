import ArgumentParser

extension RightsDesk {
    /// `rightsdesk legal …`: the legal service desk's routes, queue, advice, outcome and referral sheet.
    struct Legal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "legal",
            abstract: "Legal desk: routes with law, article and deadlines; queue; advice; outcome; referral sheet.",
            subcommands: [LegalRoutes.self, LegalQueue.self, LegalAdvise.self, LegalOutcome.self, LegalSheet.self]
        )
    }
}
