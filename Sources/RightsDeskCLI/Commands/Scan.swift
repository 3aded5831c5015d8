import ArgumentParser
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
        @Option(help: "A RightsDesk database: mark postings whose entities are flagged or watched there.") var db: String?
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
            let registry = try options.buildRegistry(config)
            var reader = try InputOpener.open(path: file, format: format.flatMap(InputFormat.init(rawValue:)))
            let decoder = PostingDecoder(mapping: try map.map(FieldMapping.init(parsing:)) ?? FieldMapping())
            let runner = ScanRunner(
                registry: registry, decoder: decoder,
                options: ScanOptions(jobs: jobs ?? config.jobs, strict: strict), context: try EntitiesScanContext.open(db))
            let asJSON = json || !StandardError.stdoutIsTerminal
            let out = StandardOutput()
            let progress = StandardError.isTerminal
            do {
                let summary = try runner.run(
                    reader: &reader,
                    onOutcome: { out.line(asJSON ? ScanJSON.line($0, language: lang) : ScanTable.row($0, language: lang)) },
                    onProblem: { StandardError.write("\($0)") },
                    onProgress: progress ? { StandardError.writeProgress($0) } : nil)
                out.flush()
                if progress { StandardError.writeProgress(nil) }
                StandardError.write(summary.text)
                let code = FailOn.exitCode(summary, failOn: failOn.flatMap(FailOn.init(rawValue:)))
                if code != 0 { throw ExitCode(code) }
            } catch let abort as ScanAbort {
                out.flush()
                StandardError.write("\(abort)")
                throw ExitCode(2)
            }
        }
    }
}
