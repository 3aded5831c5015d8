import ArgumentParser
import Foundation
import LearnedScore

extension RightsDesk.Model {
    /// `rightsdesk model train --data FILE --label FIELD --out MODEL`: fit a model and choose its bands.
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a model on labelled postings and write it (bands chosen by a target false-positive rate).",
            discussion: "Never commit a model trained on data you may not ship; see rules/models/README.md.")

        @OptionGroup var data: ModelDataOptions
        @OptionGroup var training: ModelTrainingOptions
        @Option(help: "Model file to write, e.g. rules/models/site.rdmodel.") var out: String
        @OptionGroup var options: RulesOptions

        func run() async throws {
            let config = try options.loadConfig()
            let registry = data.noRules ? nil : try options.buildRegistry(config)
            let loaded = try data.load(registry: registry)
            guard loaded.postings.contains(where: \.label), loaded.postings.contains(where: { !$0.label }) else {
                StandardError.write("\(data.data): need both fraudulent and honest labelled postings to train")
                throw ExitCode(2)
            }
            let trainedAt = ISO8601DateFormatter().string(from: Date())
            let model = training.trainer(thresholds: config.thresholds)
                .train(loaded.postings, dataSHA256: loaded.sha256, trainedAt: trainedAt, skipped: loaded.withoutLabel)
            try model.write(to: out)
            print(ModelReportText.trainingSummary(model.header, thresholds: config.thresholds))
            print("wrote \(out)")
            if loaded.malformed > 0 { StandardError.write("skipped \(loaded.malformed) malformed records") }
        }
    }
}
