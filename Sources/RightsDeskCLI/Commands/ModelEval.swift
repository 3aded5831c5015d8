import ArgumentParser
import CaseEngine
import Foundation
import LearnedScore
import RuleKit

extension RightsDesk.Model {
    /// `rightsdesk model eval --data FILE --label FIELD (--model MODEL | --cross-validate K | --hold-out-by FIELD) [--json]`.
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure rules alone, the model alone and both combined on labelled postings.",
            discussion: """
                With --model, the given model is applied to the data. With --cross-validate K, the whole training \
                procedure is cross-validated on grouped folds (duplicates stay in one fold; bands are chosen \
                without the fold they are tested on). With --hold-out-by FIELD (an input field such as a city or the \
                platform a posting came from), each of its values is judged by a model trained on the postings of the \
                others: what a model does on postings from a source its training data did not hold.
                """)

        @OptionGroup var data: ModelDataOptions
        @Option(help: "Model file to evaluate.") var model: String?
        @Option(help: "Cross-validate the training procedure with this many grouped folds instead.") var crossValidate: Int?
        @Option(help: ArgumentHelp(
            "Hold out each value of this input field in turn (e.g. a city), judged by a model trained on the others.",
            valueName: "field"))
        var holdOutBy: String?
        @Option(help: "With --hold-out-by: refuse a field with more values than this (each value trains one model).")
        var maxValues = 50
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var training: ModelTrainingOptions
        @OptionGroup var options: RulesOptions

        func validate() throws {
            guard [model != nil, crossValidate != nil, holdOutBy != nil].filter({ $0 }).count == 1 else {
                throw ValidationError("give one of --model MODEL, --cross-validate K or --hold-out-by FIELD")
            }
            if let holdOutBy, holdOutBy.isEmpty { throw ValidationError("--hold-out-by needs a field name") }
            if maxValues < 2 { throw ValidationError("--max-values must be at least 2") }
            if let crossValidate, crossValidate < 2 { throw ValidationError("--cross-validate needs at least 2 folds") }
        }

        func run() async throws {
            let config = try options.loadConfig()
            let registry = data.noRules ? nil : try options.buildRegistry(config)
            let loaded = try data.load(registry: registry, sourceField: holdOutBy)
            for line in loaded.skippedLines(file: data.dataName, label: data.label) { StandardError.write(line) }
            if let missing = loaded.missingClasses(file: data.dataName, label: data.label) {
                // Precision, recall and false-positive rates need both classes; all-zero figures would mislead.
                StandardError.write(missing)
                throw ExitCode(2)
            }
            let innerFolds = crossValidate != nil || holdOutBy != nil ? training.folds : nil
            for (folds, option) in [(crossValidate, "--cross-validate"), (innerFolds, "--folds")] {
                if let folds, let problem = loaded.tooManyFolds(folds, option: option) {
                    StandardError.write(problem)
                    throw ExitCode(2)
                }
            }
            if let holdOutBy {
                try heldOutBySource(loaded, field: holdOutBy, thresholds: config.thresholds)
                return
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
                let encoder = JSONOutput.encoder(pretty: true)
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
                // The text report carries the warning itself; beside JSON it goes to standard error as well.
                if report.evaluatedOnTrainingData { StandardError.write(ModelReportText.trainingDataWarning) }
            } else {
                print(ModelReportText.text(report))
            }
        }

        /// `--hold-out-by FIELD`: one report per value of the field, and all held-out postings pooled.
        private func heldOutBySource(
            _ loaded: ModelDataOptions.Loaded, field: String, thresholds: Thresholds
        ) throws {
            let names = Set(loaded.sources)
            guard names.count <= maxValues else {
                StandardError.write("\(data.dataName): --hold-out-by \(field) has \(names.count) values among the labelled "
                    + "postings; each trains one model, so more than --max-values \(maxValues) are refused (choose a "
                    + "coarser field, or raise --max-values)")
                throw ExitCode(2)
            }
            guard names.count >= 2,
                  let result = ModelEvaluation.holdOut(
                      loaded.postings, sources: loaded.sources, trainer: training.trainer(thresholds: thresholds))
            else {
                let found = names.first.map { $0.isEmpty ? "no posting has it" : "every labelled posting has '\($0)'" } ?? "no postings"
                StandardError.write("\(data.dataName): --hold-out-by \(field) needs at least two values among the labelled postings; \(found)")
                throw ExitCode(2)
            }
            for name in names.sorted() where !result.bySource.contains(where: { $0.source == name }) {
                StandardError.write("\(data.dataName): \(field) = \(Self.sourceName(name)) not judged: the other values hold "
                    + "only fraudulent or only honest postings to train on")
            }
            guard !result.bySource.isEmpty else {
                // All-zero figures would mislead, as for data without both classes.
                StandardError.write("\(data.dataName): --hold-out-by \(field): no value could be judged; for each, the other "
                    + "values hold only fraudulent or only honest postings")
                throw ExitCode(2)
            }
            var pooled = result.pooled
            pooled.skipped = loaded.withoutLabel + loaded.unreadableLabels.count
            pooled.unreadableLabels = loaded.unreadableLabels.count
            pooled.malformed = loaded.malformed
            if json {
                let encoder = JSONOutput.encoder(pretty: true)
                let output = HeldOutReport(
                    field: field, sources: result.bySource.map { .init(value: $0.source, report: $0.report) }, pooled: pooled)
                print(String(decoding: try encoder.encode(output), as: UTF8.self))
                return
            }
            for (source, report) in result.bySource {
                print("== \(field) = \(Self.sourceName(source)) (judged by a model trained on the other values)")
                print(ModelReportText.text(report))
                print("")
            }
            print("== all held-out postings pooled")
            print(ModelReportText.text(pooled))
        }

        static func sourceName(_ value: String) -> String { value.isEmpty ? "(empty)" : value }

        /// The JSON of `--hold-out-by`.
        struct HeldOutReport: Encodable {
            struct Source: Encodable {
                var value: String
                var report: ModelReport
            }
            var field: String
            var sources: [Source]
            var pooled: ModelReport
        }
    }
}
