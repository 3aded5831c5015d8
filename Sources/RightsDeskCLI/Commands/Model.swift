import ArgumentParser

extension RightsDesk {
    /// `rightsdesk model train|eval`: the learned scorer beside the rules.
    struct Model: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train and evaluate the learned scorer (character n-grams + logistic regression).",
            subcommands: [Train.self, Eval.self])
    }
}
