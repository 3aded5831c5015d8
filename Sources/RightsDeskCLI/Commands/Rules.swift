import ArgumentParser

extension RightsDesk {
    /// `rightsdesk rules …`: inspect, lint, test and measure rule packs.
    struct Rules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, show, check, test and evaluate rules.",
            subcommands: [List.self, Show.self, Check.self, Test.self, Eval.self])
    }
}
