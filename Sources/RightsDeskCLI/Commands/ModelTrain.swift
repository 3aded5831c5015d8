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

        func validate() throws { try checkOut() }

        func run() async throws {
            let config = try options.loadConfig()
            let registry = data.noRules ? nil : try options.buildRegistry(config)
            let loaded = try data.load(registry: registry)
            for line in loaded.skippedLines(file: data.dataName, label: data.label) { StandardError.write(line) }
            if let missing = loaded.missingClasses(file: data.dataName, label: data.label) {
                StandardError.write(missing)
                throw ExitCode(2)
            }
            if let problem = loaded.tooManyFolds(training.folds, option: "--folds") {
                StandardError.write(problem)
                throw ExitCode(2)
            }
            let trainedAt = ISO8601DateFormatter().string(from: Date())
            let model = training.trainer(thresholds: config.thresholds)
                .train(loaded.postings, dataSHA256: loaded.sha256, trainedAt: trainedAt,
                       skipped: loaded.withoutLabel + loaded.unreadableLabels.count)
            do {
                try model.write(to: out)
            } catch {
                StandardError.write("cannot write \(out): \((error as NSError).localizedDescription)")
                throw ExitCode(1)
            }
            print(ModelReportText.trainingSummary(model.header, thresholds: config.thresholds))
            print("wrote \(out)")
        }

        /// Refuses, before any work, an `--out` that would replace the training data, something other than a regular
        /// file (a directory, a device, a symbolic link — the write replaces the path, not what it points to), or a
        /// file in a folder that cannot be written.
        func checkOut() throws {
            let manager = FileManager.default
            let target = URL(fileURLWithPath: out)
            if let attributes = try? manager.attributesOfItem(atPath: out) {
                let type = attributes[.type] as? FileAttributeType
                guard type == .typeRegular else {
                    throw ValidationError("--out \(out) exists and is not a regular file; name a new or regular file")
                }
                let dataPath = URL(fileURLWithPath: data.data).resolvingSymlinksInPath().standardizedFileURL.path
                if target.resolvingSymlinksInPath().standardizedFileURL.path == dataPath {
                    throw ValidationError("--out \(out) is the training data (--data); name another file")
                }
            }
            let folder = target.deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--out \(out): no such folder \(folder)")
            }
            guard manager.isWritableFile(atPath: folder) else {
                throw ValidationError("--out \(out): the folder \(folder) cannot be written")
            }
        }
    }
}
