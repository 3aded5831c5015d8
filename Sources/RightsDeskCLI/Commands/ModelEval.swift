import ArgumentParser
import Foundation
import LearnedScore

extension RightsDesk.Model {
    /// `rightsdesk model eval --data FILE --label FIELD (--model MODEL | --cross-validate K) [--json]`.
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure rules alone, the model alone and both combined on labelled postings.",
            discussion: """
                With --model, the given model is applied to the data. With --cross-validate K, the whole training \
                procedure is cross-validated on grouped folds (duplicates stay in one fold; bands are chosen \
                without the fold they are tested on).
                """)

        @OptionGroup var data: ModelDataOptions
        @Option(help: "Model file to evaluate.") var model: String?
        @Option(help: "Cross-validate the training procedure with this many grouped folds instead.") var crossValidate: Int?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var training: ModelTrainingOptions
        @OptionGroup var options: RulesOptions

        func validate() throws {
            guard (model == nil) != (crossValidate == nil) else {
                throw ValidationError("give either --model MODEL or --cross-validate K")
            }
            if let crossValidate, crossValidate < 2 { throw ValidationError("--cross-validate needs at least 2 folds") }
        }

        func run() async throws {
            let config = try options.loadConfig()
            let registry = data.noRules ? nil : try options.buildRegistry(config)
            let loaded = try data.load(registry: registry)
            for line in loaded.skippedLines(file: data.dataName, label: data.label) { StandardError.write(line) }
            if let missing = loaded.missingClasses(file: data.dataName, label: data.label) {
                // Precision, recall and false-positive rates need both classes; all-zero figures would mislead.
                StandardError.write(missing)
                throw ExitCode(2)
            }
            for (folds, option) in [(crossValidate, "--cross-validate"), (crossValidate.map { _ in training.folds }, "--folds")] {
                if let folds, let problem = loaded.tooManyFolds(folds, option: option) {
                    StandardError.write(problem)
                    throw ExitCode(2)
                }
            }
            var report: ModelReport
            if let model {
                let learned: LearnedModel
                do {
                    learned = try LearnedModel.load(path: model)
                } catch {
                    StandardError.write("\(error)")
                    throw ExitCode(2)
                }
                report = ModelEvaluation.evaluate(
                    learned, on: loaded.postings, thresholds: config.thresholds,
                    skipped: loaded.withoutLabel + loaded.unreadableLabels.count,
                    dataSHA256: loaded.sha256)
            } else {
                report = ModelEvaluation.crossValidate(
                    loaded.postings, trainer: training.trainer(thresholds: config.thresholds), folds: crossValidate ?? 5,
                    skipped: loaded.withoutLabel + loaded.unreadableLabels.count)
            }
            report.unreadableLabels = loaded.unreadableLabels.count
            report.malformed = loaded.malformed
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
                // The text report carries the warning itself; beside JSON it goes to standard error as well.
                if report.evaluatedOnTrainingData { StandardError.write(ModelReportText.trainingDataWarning) }
            } else {
                print(ModelReportText.text(report))
            }
        }
    }
}
