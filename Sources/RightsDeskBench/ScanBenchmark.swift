import Foundation
import PatternPack
import PluginHost
import RuleKit
import Scanning

/// `rightsdesk-bench scan`: end-to-end `rightsdesk scan` throughput (read, decode, evaluate, write JSON) with the
/// real rule pack, naive vs prefilter engine, one core vs all cores.
///
/// Options: `--mb N` synthetic corpus size (default 16), `--rules DIR` (default `rules`), `--orfd PATH` (default
/// `../shared/data/orfd-dev.jsonl`; skipped when missing). Output is identical across engines; the benchmark
/// checks it and says so.
enum ScanBenchmark {
    static func run(_ args: [String]) throws {
        var megabytes = 16
        var rules = "rules"
        var orfd = "../shared/data/orfd-dev.jsonl"
        var rest = args[...]
        while let flag = rest.popFirst(), flag != "--literals", let value = rest.popFirst() {
            switch flag {
            case "--mb": megabytes = Int(value) ?? megabytes
            case "--rules": rules = value
            case "--orfd": orfd = value
            default: throw PatternBenchmark.BenchmarkError("unknown option \(flag)")
            }
        }
        let threads = ProcessInfo.processInfo.activeProcessorCount
        if args.contains("--literals") {
            try printLiterals(rules, orfd: orfd)
            return
        }
        print("## End-to-end scan\n")
        print("`rightsdesk-bench scan`: JSON Lines in, JSON Lines out, through `ScanRunner` with the pack in `\(rules)/`"
            + " (read, decode, evaluate, write; output discarded). \(threads) core(s) for the all-cores runs.\n")
        var corpora: [(String, [UInt8])] = [("synthetic, seed 2026", syntheticJSONL(megabytes: megabytes))]
        if let data = FileManager.default.contents(atPath: orfd) {
            corpora.append(("ORFD dev (real postings, ×2)", [UInt8](data) + [UInt8](data)))
        }
        print("| corpus | MB | engine | threads | MB/s wall | MB per CPU-s | postings/s wall | flagged | output identical to naive |")
        print("|---|---|---|---|---|---|---|---|---|")
        for (name, bytes) in corpora {
            let mapping = try Self.mapping(orfd: name.hasPrefix("ORFD"))
            let sample = Self.sample(bytes, mapping: mapping)
            var reference: Int?
            for engine in PackEngine.allCases {
                var config = RightsDeskConfig()
                config.rulesDirectory = rules
                config.engine = engine
                let registry = try RegistryFactory.build(config: config, builtIns: BuiltInModules.all, literalSample: sample)
                for jobs in Set([1, threads]).sorted() {
                    let result = try measure(registry, bytes: bytes, jobs: jobs, orfd: name.hasPrefix("ORFD"))
                    if reference == nil { reference = result.digest }
                    let mb = Double(bytes.count) / 1e6
                    let figures = String(
                        format: "%.1f | %.1f | %.0f | %.1f", mb, mb / result.seconds, Double(result.postings) / result.seconds,
                        mb / result.cpuSeconds)
                    let parts = figures.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                    print("| \(name) | \(parts[0]) | \(engine.rawValue) | \(jobs) | \(parts[1]) | \(parts[3]) | \(parts[2]) | "
                        + "\(result.flagged) | \(result.digest == reference ? "yes" : "NO") |")
                }
            }
        }
    }

    /// Which patterns of the pack have no required literal (they run on every posting under the prefilter).
    static func printLiterals(_ rules: String, orfd: String) throws {
        let data = FileManager.default.contents(atPath: orfd).map { [UInt8]($0) } ?? []
        let sample = Self.sample(data, mapping: try mapping(orfd: true))
        for directory in RegistryFactory.packDirectories(in: rules) {
            let module = try PackLoader.load(directory: directory.path, literalSample: sample)
            var texts: [String] = []
            var reader = JSONLinesReader(MemoryByteSource(data))
            let decoder = PostingDecoder(mapping: try mapping(orfd: true))
            while let event = reader.next() {
                guard case .record(let record) = event, case .success(let posting) = decoder.decode(record) else { continue }
                texts += posting.subject.fields.map(\.text)
            }
            let counters = module.scanCounters(over: texts)
            print("fields scanned \(counters.scans), patterns run per field \(Double(counters.patternsRun) / Double(max(1, counters.scans)))")
            let stats = module.statistics
            print("\(directory.name): \(stats.patternCount) patterns, \(stats.patternsWithLiterals) with literals, "
                + "\(stats.literalCount) literals, \(stats.automatonStates) states")
            let owners = module.specs.flatMap { spec in
                Array(repeating: spec.description.id, count: spec.patterns.count)
            }
            var costs: [(Double, String)] = []
            for (index, literals) in module.requiredLiterals.enumerated() {
                let cost = literals.map { $0.reduce(0) { $0 + sample.frequency($1) } } ?? 1
                let shown = literals.map { $0.prefix(8).joined(separator: " ") } ?? "ALWAYS RUNS"
                costs.append((min(cost, 1), "#\(index) \(owners[index]): \(shown)"))
            }
            print("patterns by share of postings they run on (from the sample):")
            for (cost, line) in costs.sorted(by: { $0.0 > $1.0 }).prefix(15) {
                print(String(format: "  %5.1f %%  ", cost * 100) + line)
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

    static func measure(_ registry: ModuleRegistry, bytes: [UInt8], jobs: Int, orfd: Bool) throws -> Result {
        let mapping = try Self.mapping(orfd: orfd)
        let runner = ScanRunner(registry: registry, decoder: PostingDecoder(mapping: mapping), options: ScanOptions(jobs: jobs))
        var reader = JSONLinesReader(MemoryByteSource(bytes))
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
