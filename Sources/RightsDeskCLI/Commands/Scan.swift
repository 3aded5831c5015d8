import ArgumentParser
import CaseStore
import Foundation
import PluginHost
import RuleKit
import Scanning

extension RightsDesk {
    /// `rightsdesk scan [FILE|-]`: judge job postings in bulk; one JSON line (or table row) per posting.
    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Scan job postings (JSON Lines or CSV) for fraud.",
            discussion: "Exit codes: 0 done, 1 a posting reached --fail-on, 2 usage error or --strict abort.")

        @Argument(help: "Input file, or - for stdin (default).") var file: String?
        @Option(help: "Input format: jsonl or csv (default: from the extension or the first byte).") var format: String?
        @Option(help: "Field mapping, e.g. description=jobDescription,id=job_id.") var map: String?
        @Flag(help: "Print JSON Lines even on a terminal.") var json = false
        @Option(help: "Exit 1 when a posting reaches this verdict: suspicious or likely.") var failOn: String?
        @Flag(help: "Abort (exit 2) at the first malformed record.") var strict = false
        @Option(help: "Language of messages: zh or en.") var lang = "zh"
        @Option(help: "Worker threads (default: all cores).") var jobs: Int?
        @Flag(help: "Store each verdict with its findings in the case database (see --db) for later questions.")
        var record = false
        @Option(help: "Database for --record (env RIGHTSDESK_DB; default ./rightsdesk.sqlite); when given, postings whose entities are flagged or watched there are marked.") var db: String?
        @Option(help: "Learned model file (default: model.path in the configuration).") var model: String?
        @OptionGroup var options: RulesOptions

        func validate() throws {
            if let file, file != "-", !FileManager.default.fileExists(atPath: file) {
                throw ValidationError("no such file: \(file)")
            }
            if let format, InputFormat(rawValue: format) == nil { throw ValidationError("--format must be jsonl or csv") }
            if let map { _ = try FieldMapping(parsing: map) }
            if let failOn, FailOn(rawValue: failOn) == nil { throw ValidationError("--fail-on must be suspicious or likely") }
            if !["zh", "en"].contains(lang) { throw ValidationError("--lang must be zh or en") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() async throws {
            let config = try options.loadConfig()
            let inputFormat = format.flatMap(InputFormat.init(rawValue:))
            let mapping = try map.map(FieldMapping.init(parsing:)) ?? FieldMapping()
            let sample = InputSample.read(path: file, format: inputFormat, mapping: mapping)
            let (registry, modelNote) = try ModelLoading.registry(
                config: config, options: options, modelPath: model, literalSample: sample?.literalSample,
                fieldsWithText: sample?.fieldsWithText)
            var reader = try InputOpener.open(path: file, format: inputFormat)
            let decoder = PostingDecoder(mapping: mapping)
            let runner = ScanRunner(
                registry: registry, decoder: decoder,
                options: ScanOptions(jobs: jobs ?? config.jobs, strict: strict), context: try EntitiesScanContext.open(db))
            let asJSON = json || !StandardError.stdoutIsTerminal
            let out = StandardOutput()
            let progress = StandardError.isTerminal
            let recorder = try openRecorder(config)
            var recordFailure: StoreError?
            do {
                let summary = try runner.run(
                    reader: &reader,
                    onOutcome: { outcome in
                        // Without --record the JSON goes straight into the output buffer (no String per posting).
                        guard let recorder else {
                            if asJSON {
                                out.line { ScanJSON.append(outcome, language: lang, to: &$0) }
                            } else {
                                out.line(ScanTable.row(outcome, language: lang))
                            }
                            return
                        }
                        let line = ScanJSON.line(outcome, language: lang)
                        out.line(asJSON ? line : ScanTable.row(outcome, language: lang))
                        guard recordFailure == nil else { return }
                        do { try recorder.add(outcome, line: line) } catch {
                            recordFailure = error as? StoreError ?? .io(String(describing: error))
                        }
                    },
                    onProblem: { StandardError.write("\($0)") },
                    onProgress: progress ? { summary in
                        // Clear the progress line before rows reach the same terminal, then redraw it.
                        StandardError.writeProgress(nil)
                        out.flush()
                        StandardError.writeProgress(summary)
                    } : nil)
                out.flush()
                if progress { StandardError.writeProgress(nil) }
                StandardError.write(summary.text)
                if let modelNote { StandardError.write(modelNote) }
                if let recordFailure { throw recordFailure }
                if let recorder {
                    try recorder.flush()
                    StandardError.write("recorded \(recorder.recorded) verdicts in \(recorder.path)")
                }
                let code = FailOn.exitCode(summary, failOn: failOn.flatMap(FailOn.init(rawValue:)))
                if code != 0 { throw ExitCode(code) }
            } catch let abort as ScanAbort {
                out.flush()
                try? recorder?.flush()
                StandardError.write("\(abort)")
                throw ExitCode(2)
            } catch let error as StoreError {
                out.flush()
                StandardError.write("rightsdesk: \(error.message(.zh)) / \(error.message(.en))")
                throw ExitCode(1)
            }
        }

        private func openRecorder(_ config: RightsDeskConfig) throws -> ScanRecorder? {
            guard record else { return nil }
            let databasePath = db ?? ProcessInfo.processInfo.environment["RIGHTSDESK_DB"] ?? config.databasePath
                ?? "rightsdesk.sqlite"
            do {
                return try ScanRecorder(databasePath: databasePath, source: file)
            } catch let error as StoreError {
                StandardError.write("rightsdesk: --record: \(error.message(.zh)) / \(error.message(.en))")
                throw ExitCode(2)
            }
        }
    }
}
