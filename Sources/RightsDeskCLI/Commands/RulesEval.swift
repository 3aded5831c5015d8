import ArgumentParser
import Foundation
import RuleKit
import Scanning

extension RightsDesk.Rules {
    /// `rightsdesk rules eval FILE --label FIELD`: precision, recall, F1, confusion matrix and per-rule figures.
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Measure the rules on labelled postings.")

        @Argument(help: "Labelled postings (JSON Lines or CSV), or - for stdin.") var file: String
        @Option(help: "Input field holding the label (1/true = fraudulent, 0/false = honest).") var label: String
        @Option(help: "Field mapping, e.g. description=jobDescription,id=job_id.") var map: String?
        @Option(help: "Input format: jsonl or csv.") var format: String?
        @Flag(help: "Print JSON.") var json = false
        @Option(help: "Worker threads (default: all cores).") var jobs: Int?
        @OptionGroup var options: RulesOptions

        func validate() throws {
            if file != "-", !FileManager.default.fileExists(atPath: file) { throw ValidationError("no such file: \(file)") }
            if let format, InputFormat(rawValue: format) == nil { throw ValidationError("--format must be jsonl or csv") }
            if let map { _ = try FieldMapping(parsing: map) }
            if label.isEmpty { throw ValidationError("--label needs a field name") }
        }

        func run() async throws {
            let config = try options.loadConfig()
            let inputFormat = format.flatMap(InputFormat.init(rawValue:))
            let mapping = try map.map(FieldMapping.init(parsing:)) ?? FieldMapping()
            let sample = InputSample.read(path: file, format: inputFormat, mapping: mapping)?.literalSample
            let registry = try options.buildRegistry(config, literalSample: sample)
            var reader = try InputOpener.open(path: file, format: inputFormat)
            let runner = ScanRunner(
                registry: registry, decoder: PostingDecoder(mapping: mapping, extras: [label]),
                options: ScanOptions(jobs: jobs ?? config.jobs))
            var report = EvalReport()
            var malformed = 0
            let summary = try runner.run(
                reader: &reader, onOutcome: { report.add($0.evaluation, label: $0.extras[label]) },
                onProblem: { _ in malformed += 1 })
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(report.text)
            }
            StandardError.write(summary.text)
        }
    }
}
