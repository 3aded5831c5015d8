import Foundation
import PatternPack
import PluginHost
import RuleKit
import Scanning

/// `rightsdesk-bench scan`: end-to-end `rightsdesk scan` throughput (read, decode, evaluate, write JSON) with the
/// real rule pack, naive vs prefilter engine, one core vs all cores.
///
/// Options: `--mb N` synthetic corpus size (default 16), `--rules DIR` (default `rules`), `--orfd PATH` (default
/// `../shared/data/orfd-dev.jsonl`; skipped when missing), `--level N` (rule level, default 1; only the rules that
/// can count at that level are compiled), `--literals` (prefilter pass-through per pattern at that level). Output
/// is identical across engines; the benchmark checks it and says so. `--engine naive|prefilter` runs one engine only
/// (for profiling; the identity column then compares against that engine). Each corpus ends with two breakdown rows
/// (prefilter without `black_intermediary`, and the pipeline with no module) and the registry's build cost.
/// `--profile` runs only the default scan on one core over the ORFD file ×2 and prints its cost and output digest;
/// with `--without a,b` those modules are disabled (`--without all`: the pipeline with no module); with
/// `--synthetic` it scans the synthetic corpus (`--mb`, short postings) instead of ORFD. `--write-synthetic PATH`
/// writes the synthetic corpus as JSON Lines with the ORFD keys (`job_id`, `jobTitle`, `jobDescription`), so that
/// `--literals --orfd PATH` and `rightsdesk scan` read it like the ORFD file.
enum ScanBenchmark {
    static func run(_ args: [String]) throws {
        var megabytes = 16
        var rules = "rules"
        var orfd = "../shared/data/orfd-dev.jsonl"
        var level = 1
        var engines = PackEngine.allCases
        var without: Set<String> = []
        var jobs = 1
        var syntheticOutput: String?
        var rest = args[...]
        while let flag = rest.popFirst() {
            if flag == "--literals" || flag == "--profile" || flag == "--synthetic" || flag == "--csv" { continue }
            guard let value = rest.popFirst() else { throw PatternBenchmark.BenchmarkError("\(flag) needs a value") }
            switch flag {
            case "--mb": megabytes = Int(value) ?? megabytes
            case "--rules": rules = value
            case "--orfd": orfd = value
            case "--level": level = Int(value) ?? level
            case "--engine": engines = PackEngine(rawValue: value).map { [$0] } ?? engines
            case "--without": without = Set(value.split(separator: ",").map(String.init))
            case "--jobs": jobs = max(1, Int(value) ?? jobs)
            case "--write-synthetic": syntheticOutput = value
            default: throw PatternBenchmark.BenchmarkError("unknown option \(flag)")
            }
        }
        let threads = ProcessInfo.processInfo.activeProcessorCount
        if let syntheticOutput {
            // The synthetic corpus as a file, for the CLI and `--literals` (its keys renamed to the ORFD map's).
            var text = String(decoding: syntheticJSONL(megabytes: megabytes), as: UTF8.self)
            text = text.replacingOccurrences(of: "{\"id\":", with: "{\"job_id\":")
                .replacingOccurrences(of: ",\"title\":", with: ",\"jobTitle\":")
                .replacingOccurrences(of: ",\"description\":", with: ",\"jobDescription\":")
            try Data(text.utf8).write(to: URL(fileURLWithPath: syntheticOutput))
            return
        }
        if args.contains("--literals") {
            try printLiterals(rules, orfd: orfd, level: level)
            return
        }
        if args.contains("--profile") {
            try profile(rules, orfd: args.contains("--synthetic") ? nil : orfd, megabytes: megabytes, level: level,
                        engine: engines.count == 1 ? engines[0] : .prefilter, without: without, jobs: jobs,
                        csv: args.contains("--csv"))
            return
        }
        print("## End-to-end scan\n")
        print("`rightsdesk-bench scan`: JSON Lines in, JSON Lines out, through `ScanRunner` with the pack in `\(rules)/`"
            + " (read, decode, evaluate, write; output discarded), rule level \(level). \(threads) core(s) for the"
            + " all-cores runs.\n")
        var corpora: [(String, [UInt8])] = [("synthetic, seed 2026", syntheticJSONL(megabytes: megabytes))]
        if let data = FileManager.default.contents(atPath: orfd) {
            corpora.append(("ORFD dev (real postings, ×2)", [UInt8](data) + [UInt8](data)))
        }
        print("| corpus | MB | engine | threads | MB/s wall | MB per CPU-s | postings/s wall | flagged | output identical to naive |")
        print("|---|---|---|---|---|---|---|---|---|")
        for (name, bytes) in corpora {
            let orfdMapping = name.hasPrefix("ORFD")
            let sample = Self.sample(bytes, mapping: try Self.mapping(orfd: orfdMapping))
            var config = RightsDeskConfig()
            config.rulesDirectory = rules
            config.level = level
            // The reference: naive engine, whole pack (every rule of every level), findings filtered afterwards.
            config.engine = .naive
            let full = try Self.unprepared(RegistryFactory.build(config: config, builtIns: BuiltInModules.all))
            let reference = try measure(full, bytes: bytes, jobs: 1, orfd: orfdMapping)
            printRow(name, bytes, "naive, whole pack", 1, reference, identical: true)
            for engine in engines {
                config.engine = engine
                let registry = try RegistryFactory.build(config: config, builtIns: BuiltInModules.all, literalSample: sample)
                for jobs in Set([1, threads]).sorted() {
                    let result = try measure(registry, bytes: bytes, jobs: jobs, orfd: orfdMapping)
                    printRow(name, bytes, engine.rawValue, jobs, result, identical: result.digest == reference.digest)
                }
            }
            try printBreakdown(name, bytes, config: config, sample: sample, orfd: orfdMapping)
        }
        print("\nRows marked \"—\" in the last column produce different output by design (fewer modules).")
    }

    /// Where the time goes (prefilter, one core): without the black-intermediary module, and the pipeline alone
    /// (read, decode, an empty registry, JSON line); plus the CPU cost of building the registry (a scan's start).
    static func printBreakdown(_ name: String, _ bytes: [UInt8], config: RightsDeskConfig, sample: LiteralSample,
                               orfd: Bool) throws {
        var config = config
        config.engine = .prefilter
        let buildStart = cpuTime()
        _ = try RegistryFactory.build(config: config, builtIns: BuiltInModules.all, literalSample: sample)
        let buildSeconds = cpuTime() - buildStart
        config.disabledModules = ["black_intermediary"]
        let fakeJobOnly = try RegistryFactory.build(config: config, builtIns: BuiltInModules.all, literalSample: sample)
        printRow(name, bytes, "prefilter, fake_job only", 1, try measure(fakeJobOnly, bytes: bytes, jobs: 1, orfd: orfd),
                 identical: nil)
        let empty = RegistryBuilder(settings: config.moduleSettings).build()
        printRow(name, bytes, "no rules (pipeline only)", 1, try measure(empty, bytes: bytes, jobs: 1, orfd: orfd),
                 identical: nil)
        print("| \(name) | registry build with literal sample: \(String(format: "%.2f", buildSeconds)) CPU-s | | | | | | | |")
    }

    static func printRow(_ name: String, _ bytes: [UInt8], _ engine: String, _ jobs: Int, _ result: Result, identical: Bool?) {
        let mb = Double(bytes.count) / 1e6
        let figures = String(
            format: "%.1f | %.1f | %.0f | %.1f", mb, mb / result.seconds, Double(result.postings) / result.seconds,
            mb / result.cpuSeconds)
        let parts = figures.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        print("| \(name) | \(parts[0]) | \(engine) | \(jobs) | \(parts[1]) | \(parts[3]) | \(parts[2]) | "
            + "\(result.flagged) | \(identical.map { $0 ? "yes" : "NO" } ?? "—") |")
    }

    /// A module evaluated as loaded: it keeps ``RuleModule/prepared(for:)``'s default, so the registry runs every
    /// rule of the pack and filters findings by level afterwards (the reference path).
    struct Unprepared: RuleModule {
        let base: any RuleModule
        var id: String { base.id }
        var version: String { base.version }
        var subjects: Set<SubjectKind> { base.subjects }
        var rules: [RuleDescription] { base.rules }
        func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
            try base.evaluate(subject, context: context)
        }
    }

    /// `--profile`: only the given engine on one core (or `--jobs N` worker threads) over the ORFD file ×2 (or,
    /// without `orfd`, the synthetic corpus of `megabytes`), for `perf`/`callgrind` runs. With `csv`, the same
    /// postings are first written as CSV (every column of the JSON, every value quoted) and read as CSV.
    static func profile(_ rules: String, orfd: String?, megabytes: Int, level: Int, engine: PackEngine,
                        without: Set<String>, jobs: Int = 1, csv: Bool = false) throws {
        let bytes: [UInt8]
        if let orfd {
            guard let data = FileManager.default.contents(atPath: orfd) else {
                throw PatternBenchmark.BenchmarkError("--profile needs the ORFD file at \(orfd)")
            }
            bytes = [UInt8](data) + [UInt8](data)
        } else {
            bytes = syntheticJSONL(megabytes: megabytes)
        }
        var config = RightsDeskConfig()
        config.rulesDirectory = rules
        config.level = level
        config.engine = engine
        config.disabledModules = without
        let buildStart = cpuTime()
        let sample = Self.sample(bytes, mapping: try Self.mapping(orfd: orfd != nil))
        let registry = without.contains("all")
            ? RegistryBuilder(settings: config.moduleSettings).build()
            : try RegistryFactory.build(config: config, builtIns: BuiltInModules.all, literalSample: sample)
        let buildSeconds = cpuTime() - buildStart
        let input = csv ? try Self.csv(fromJSONL: bytes) : bytes
        let result = try measure(registry, bytes: input, jobs: jobs, orfd: orfd != nil, csv: csv)
        print(String(format: "%.1f MB per CPU-s, %.1f µs CPU per posting, %d postings, flagged %d, digest %d; "
                     + "sample and registry build %.3f CPU-s; %d job(s), %.1f MB/s wall%@",
                     Double(input.count) / 1e6 / result.cpuSeconds, result.cpuSeconds * 1e6 / Double(result.postings),
                     result.postings, result.flagged, result.digest, buildSeconds, jobs,
                     Double(input.count) / 1e6 / result.seconds, csv ? "; read as CSV" : ""))
    }

    /// The same registry with every module unprepared.
    static func unprepared(_ registry: ModuleRegistry) throws -> ModuleRegistry {
        var builder = RegistryBuilder(settings: registry.settings)
        for module in registry.modules { try builder.register(Unprepared(base: module)) }
        return builder.build()
    }

    /// Which patterns of the pack have no required literal (they run on every posting under the prefilter).
    static func printLiterals(_ rules: String, orfd: String, level: Int) throws {
        let data = FileManager.default.contents(atPath: orfd).map { [UInt8]($0) } ?? []
        let sample = Self.sample(data, mapping: try mapping(orfd: true))
        for directory in RegistryFactory.packDirectories(in: rules) {
            let module = try PackLoader.load(directory: directory.path, literalSample: sample)
                .restricted(to: ModuleSettings(level: level))
            var subjects: [Subject] = []
            var reader = JSONLinesReader(MemoryByteSource(data))
            let decoder = PostingDecoder(mapping: try mapping(orfd: true))
            while let event = reader.next() {
                guard case .record(let record) = event, case .success(let posting) = decoder.decode(record) else { continue }
                subjects.append(posting.subject)
            }
            let (counters, runs) = module.scanCounters(over: subjects)
            print("postings \(subjects.count), field scans \(counters.scans) (second passes included), patterns run per"
                + " posting \(Double(counters.patternsRun) / Double(max(1, subjects.count))), of which in windows "
                + "\(Double(counters.windowedRuns) / Double(max(1, subjects.count)))")
            let stats = module.statistics
            print("\(directory.name): \(stats.patternCount) patterns, \(stats.patternsWithLiterals) with literals, "
                + "\(stats.literalCount) literals, \(stats.automatonStates) states")
            let owners = module.patternRuleIDs
            print("patterns by PCRE2 runs per posting on this file (deferred sub-rules marked *):")
            let ranked = runs.indices.sorted { runs[$0] > runs[$1] }.prefix(15)
            for index in ranked {
                // A pattern selected branch by branch: each branch's sets, joined by &, the first few branches.
                let branches = module.requiredLiteralBranches(ofPattern: index)
                let literals = branches.count > 1
                    ? "\(branches.count) branches: " + branches.prefix(4).map { sets in
                        sets.map { $0.prefix(4).joined(separator: " ") }.joined(separator: " & ")
                    }.joined(separator: " | ")
                    : module.requiredLiterals[index].map { $0.prefix(8).joined(separator: " ") } ?? "ALWAYS RUNS"
                let mark = module.isDeferred(pattern: index) ? "*" : " "
                print(String(format: "  %6.3f ", Double(runs[index]) / Double(max(1, subjects.count)))
                    + "\(mark) #\(index) \(owners[index]): \(literals)")
            }
        }
    }

    struct Result {
        var seconds: Double
        var cpuSeconds: Double
        var postings: Int
        var flagged: Int
        var digest: Int
    }

    static func measure(_ registry: ModuleRegistry, bytes: [UInt8], jobs: Int, orfd: Bool, csv: Bool = false) throws
        -> Result {
        if csv {
            var reader = CSVReader(MemoryByteSource(bytes))
            return try measure(registry, reader: &reader, jobs: jobs, orfd: orfd)
        }
        var reader = JSONLinesReader(MemoryByteSource(bytes))
        return try measure(registry, reader: &reader, jobs: jobs, orfd: orfd)
    }

    static func measure<Reader: RecordReader>(_ registry: ModuleRegistry, reader: inout Reader, jobs: Int, orfd: Bool)
        throws -> Result {
        let mapping = try Self.mapping(orfd: orfd)
        let runner = ScanRunner(registry: registry, decoder: PostingDecoder(mapping: mapping), options: ScanOptions(jobs: jobs))
        var hasher = Hasher()
        var flagged = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = cpuTime()
        let summary = try runner.run(reader: &reader, onOutcome: { outcome in
            let line = ScanJSON.line(outcome, language: "zh")
            hasher.combine(line)
            if outcome.evaluation.verdict != .clean { flagged += 1 }
        }, onProblem: { _ in })
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(seconds: seconds, cpuSeconds: cpuTime() - cpuStart, postings: summary.postings, flagged: flagged, digest: hasher.finalize())
    }

    /// The JSON Lines `bytes` as CSV: a header of every key in first-seen order, then one row per line with every
    /// value quoted (quotes doubled; strings as they are, numbers as Foundation prints them — booleans as 1 or 0 —,
    /// missing and null ones empty). The ORFD fields a scan maps are all strings, so the postings are the same.
    static func csv(fromJSONL bytes: [UInt8]) throws -> [UInt8] {
        var keys: [String] = []
        var rows: [[String: Any]] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
            rows.append(object)
            for key in object.keys.sorted() where !keys.contains(key) { keys.append(key) }
        }
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var out = keys.map(quoted).joined(separator: ",") + "\n"
        for row in rows {
            out += keys.map { key -> String in
                switch row[key] {
                case let text as String: quoted(text)
                case nil, is NSNull: quoted("")
                case let other?: quoted("\(other)")
                }
            }.joined(separator: ",") + "\n"
        }
        return Array(out.utf8)
    }

    /// CPU seconds used by the whole process so far (all threads).
    static func cpuTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func mapping(orfd: Bool) throws -> FieldMapping {
        orfd
            ? try FieldMapping(parsing: "id=job_id,title=jobTitle,description=jobDescription,company=companyName,salary=jobSalary")
            : FieldMapping()
    }

    /// The first 1,000 postings of a corpus as a literal-rarity sample (as `rightsdesk scan FILE` does).
    static func sample(_ bytes: [UInt8], mapping: FieldMapping) -> LiteralSample {
        var reader = JSONLinesReader(MemoryByteSource(bytes))
        let decoder = PostingDecoder(mapping: mapping)
        var texts: [String] = []
        while texts.count < 1_000, let event = reader.next() {
            guard case .record(let record) = event, case .success(let posting) = decoder.decode(record) else { continue }
            texts.append(posting.subject.fields.map(\.text).joined(separator: "\n"))
        }
        return LiteralSample(texts: texts)
    }

    /// The pattern benchmark's seeded synthetic postings as JSON Lines (`id`, `title`, `description`).
    static func syntheticJSONL(megabytes: Int) -> [UInt8] {
        let corpus = PatternBenchmarkCorpus.generate(megabytes: megabytes, seed: 2026)
        var out: [UInt8] = []
        out.reserveCapacity(corpus.bytes.count * 11 / 10)
        for (index, range) in corpus.postings.enumerated() {
            let text = String(decoding: corpus.bytes[range], as: UTF8.self)
            var line = "{\"id\":\"s\(index)\",\"title\":\"招聘\",\"description\":"
            ScanJSON.appendString(text, to: &line)
            line += "}\n"
            out += Array(line.utf8)
        }
        return out
    }
}
