import Foundation
import PatternPack
import PCRE2

/// `rightsdesk-bench patterns`: naive vs prefilter pattern scanning on a seeded synthetic corpus.
///
/// Options: `--mb N` corpus size (default 24), `--threads N` for the all-cores run (default: active processors),
/// `--rules 25,100,200,400` rule counts, `--repeat N` keeps the fastest of N runs of each measurement (the machine
/// may be shared), `--explain` lists the patterns the prefilter runs most (at the largest rule count),
/// `--prefilter-only` skips the naive engine (for side-by-side runs of two builds; the naive columns then read "—"
/// and nothing is compared), `--vocabulary growing` gives the rules after the smallest count words of their own (see
/// ``PatternBenchmarkCorpus/rules(count:seed:growingFrom:)``), `--export DIR` writes the corpus and the rules to `DIR`
/// and measures nothing (for another engine's benchmark on the same input: `scripts/bench-hyperscan.sh`).
/// `--pack DIR --orfd PATH` takes a real pack's patterns (macros expanded, every level, excludes left out) and ORFD's
/// postings (title, description, company and salary, one text per posting, read where the file lies) instead of the
/// generated ones; `--rules` is then ignored.
enum PatternBenchmark {
    struct Options {
        var megabytes = 24
        var threads = ProcessInfo.processInfo.activeProcessorCount
        var ruleCounts = [25, 100, 200, 400]
        var explain = false
        var prefilterOnly = false
        var repeats = 1
        /// Rules after the smallest count bring words of their own (`--vocabulary growing`) instead of recombining
        /// the shared vocabulary (`shared`, the default).
        var growingVocabulary = false
        /// Where `--export` writes the corpus and the rules (nothing is measured then).
        var exportDirectory: String?
        /// A pack directory and an ORFD file to use instead of the generated rules and corpus.
        var pack: String?
        var orfd: String?

        init(_ args: [String]) throws {
            var rest = args[...]
            while let flag = rest.popFirst() {
                if flag == "--explain" { explain = true; continue }
                if flag == "--prefilter-only" { prefilterOnly = true; continue }
                guard let value = rest.popFirst() else { throw BenchmarkError("missing value after \(flag)") }
                switch flag {
                case "--mb": megabytes = try Self.number(value, flag)
                case "--threads": threads = try Self.number(value, flag)
                case "--repeat": repeats = try Self.number(value, flag)
                case "--vocabulary":
                    guard value == "shared" || value == "growing" else {
                        throw BenchmarkError("--vocabulary needs shared or growing")
                    }
                    growingVocabulary = value == "growing"
                case "--export": exportDirectory = value
                case "--pack": pack = value
                case "--orfd": orfd = value
                case "--rules": ruleCounts = try value.split(separator: ",").map { try Self.number(String($0), flag) }
                default: throw BenchmarkError("unknown option \(flag)")
                }
            }
        }

        private static func number(_ text: String, _ flag: String) throws -> Int {
            guard let n = Int(text), n > 0 else { throw BenchmarkError("\(flag) needs a positive integer") }
            return n
        }
    }

    struct BenchmarkError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// One measured run.
    struct Measurement {
        var matches = 0
        var patternsRun = 0
        var seconds = 0.0
        var cpuSeconds = 0.0
    }

    /// Runs the benchmark and prints a Markdown report.
    static func run(_ args: [String]) throws {
        var options = try Options(args)
        let clock = ContinuousClock()
        var started = clock.now
        guard (options.pack == nil) == (options.orfd == nil) else { throw BenchmarkError("--pack needs --orfd") }
        let corpus = try options.orfd.map(orfdCorpus) ?? PatternBenchmarkCorpus.generate(megabytes: options.megabytes,
                                                                                          seed: 2026)
        let generation = clock.now - started
        let megabytes = Double(corpus.bytes.count) / 1_000_000
        print("## Pattern engine\n")
        print("Machine: \(machine()); \(options.threads) thread(s) for the all-cores runs.")
        print("Corpus: \(corpus.postings.count) " + (options.orfd == nil ? "synthetic postings" : "ORFD postings")
              + ", \(String(format: "%.1f", megabytes)) MB " + (options.orfd == nil ? "(seed 2026, " : "(")
              + "made in \(generation)).\n")
        let smallest = options.ruleCounts.min() ?? 25
        let allRules: [String]
        if let pack = options.pack {
            allRules = try packPatterns(pack)
            options.ruleCounts = [allRules.count]
        } else {
            allRules = PatternBenchmarkCorpus.rules(count: options.ruleCounts.max() ?? 200, seed: 7,
                                                    growingFrom: options.growingVocabulary ? smallest : nil)
        }
        if let directory = options.exportDirectory {
            try export(corpus: corpus, rules: allRules, counts: options.ruleCounts, to: directory)
            return
        }
        started = clock.now
        let rarity = Rarity(corpus: corpus, sampleSize: 1_000)
        if let pack = options.pack {
            print("Rules: the patterns of \(pack) (every level, macros expanded, excludes left out). Literal rarity "
                  + "from a 1,000-posting sample.\n")
        } else {
            print("Rules: RULE-FORMAT-style synthetic patterns (seed 7"
                  + (options.growingVocabulary ? "; rules after the first \(smallest) use words of their own" : "")
                  + "). Literal rarity from a 1,000-posting sample.\n")
        }
        print("| rules | with literal | literals | AC states | build ms | naive 1 core MB/s | prefilter 1 core MB/s "
              + "| ratio | prefilter postings/s | naive \(options.threads) threads MB/s wall (per CPU-s) "
              + "| prefilter \(options.threads) threads MB/s wall (per CPU-s) | rules run per posting | matches |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for count in options.ruleCounts {
            try row(Array(allRules.prefix(count)), corpus: corpus, rarity: rarity, threads: options.threads,
                    repeats: options.repeats, prefilterOnly: options.prefilterOnly)
        }
        if options.explain {
            try explain(Array(allRules.prefix(options.ruleCounts.max() ?? 200)), corpus: corpus, rarity: rarity)
        }
        if options.prefilterOnly { return }
        _ = started
        try lengthOnlyComparison(Array(allRules.prefix(200)), corpus: corpus, rarity: rarity)
    }

    /// Every distinct pattern of a pack's rules (macros expanded, all levels; excludes and meta rules' own
    /// combinations left out), in the order of the files.
    private static func packPatterns(_ directory: String) throws -> [String] {
        let source = PackSource.read(directory: directory)
        guard source.problems.isEmpty, !source.rules.isEmpty else {
            throw BenchmarkError("\(directory): the pack does not load (run rightsdesk rules check)")
        }
        var seen = Set<String>()
        return source.rules.flatMap(\.patterns).filter { seen.insert($0).inserted }
    }

    /// ORFD's postings as one text each (title, description, company, salary, one per line), read from `path`.
    private static func orfdCorpus(_ path: String) throws -> PatternBenchmarkCorpus {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var corpus = PatternBenchmarkCorpus()
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw BenchmarkError("\(path):\(number + 1): not a JSON object")
            }
            let text = ["jobTitle", "jobDescription", "companyName", "jobSalary"]
                .compactMap { object[$0] as? String }.joined(separator: "\n")
            guard !text.isEmpty else { continue }
            let start = corpus.bytes.count
            corpus.bytes += text.utf8
            corpus.postings.append(start..<corpus.bytes.count)
        }
        return corpus
    }

    /// Writes `corpus.bin` (the postings' bytes, concatenated), `postings.txt` (each posting's length in bytes, one
    /// per line) and `rules-N.txt` for each rule count (the first N rules, one pattern per line) to `directory`.
    private static func export(corpus: PatternBenchmarkCorpus, rules: [String], counts: [Int],
                               to directory: String) throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(corpus.bytes).write(to: url.appendingPathComponent("corpus.bin"))
        let lengths = corpus.postings.map { String($0.count) }.joined(separator: "\n") + "\n"
        try Data(lengths.utf8).write(to: url.appendingPathComponent("postings.txt"))
        for count in counts {
            let lines = rules.prefix(count)
            guard lines.allSatisfy({ !$0.contains("\n") }) else { throw BenchmarkError("a rule holds a line break") }
            try Data((lines.joined(separator: "\n") + "\n").utf8)
                .write(to: url.appendingPathComponent("rules-\(count).txt"))
        }
        print("Wrote \(corpus.postings.count) postings and rules for \(counts.map(String.init).joined(separator: ", ")) "
              + "to \(directory).")
    }

    private static func row(_ rules: [String], corpus: PatternBenchmarkCorpus, rarity: Rarity, threads: Int,
                            repeats: Int, prefilterOnly: Bool = false) throws {
        let megabytes = Double(corpus.bytes.count) / 1_000_000
        let naive = try PatternSet(patterns: rules, engine: .naive)
        let clock = ContinuousClock()
        let start = clock.now
        let prefilter = try PatternSet(patterns: rules, engine: .prefilter, literalRarity: rarity.frequency)
        let build = clock.now - start
        let p1 = try best(of: repeats) { try measure(prefilter, corpus, threads: 1) }
        let pN = try best(of: repeats) { try measure(prefilter, corpus, threads: threads) }
        let stats = prefilter.statistics
        let f = { (x: Double) in String(format: "%.1f", x) }
        let buildMs = Double(build.components.attoseconds) / 1e15 + Double(build.components.seconds) * 1000
        if prefilterOnly {
            print("| \(rules.count) | \(stats.patternsWithLiterals) | \(stats.literalCount) | \(stats.automatonStates) "
                  + "| \(f(buildMs)) | — | \(f(megabytes / p1.seconds)) | — "
                  + "| \(Int(Double(corpus.postings.count) / p1.seconds)) | — "
                  + "| \(f(megabytes / pN.seconds)) (\(f(megabytes / pN.cpuSeconds))) "
                  + "| \(f(Double(p1.patternsRun) / Double(corpus.postings.count))) | \(p1.matches) |")
            return
        }
        let n1 = try best(of: repeats) { try measure(naive, corpus, threads: 1) }
        let nN = try best(of: repeats) { try measure(naive, corpus, threads: threads) }
        guard n1.matches == p1.matches, nN.matches == n1.matches, pN.matches == n1.matches else {
            throw BenchmarkError("engines disagree: naive \(n1.matches), prefilter \(p1.matches) matches")
        }
        print("| \(rules.count) | \(stats.patternsWithLiterals) | \(stats.literalCount) | \(stats.automatonStates) "
              + "| \(f(buildMs)) | \(f(megabytes / n1.seconds)) | \(f(megabytes / p1.seconds)) "
              + "| \(f(n1.seconds / p1.seconds))× | \(Int(Double(corpus.postings.count) / p1.seconds)) "
              + "| \(f(megabytes / nN.seconds)) (\(f(megabytes / nN.cpuSeconds))) "
              + "| \(f(megabytes / pN.seconds)) (\(f(megabytes / pN.cpuSeconds))) "
              + "| \(f(Double(p1.patternsRun) / Double(corpus.postings.count))) | \(n1.matches) |")
    }

    /// Prints the patterns the prefilter ran most often over the corpus, with their required literal sets and how
    /// many of those runs found a match.
    private static func explain(_ rules: [String], corpus: PatternBenchmarkCorpus, rarity: Rarity) throws {
        let set = try PatternSet(patterns: rules, engine: .prefilter, literalRarity: rarity.frequency)
        let scratch = set.makeScratch()
        var runsWithMatch = [Int](repeating: 0, count: rules.count)
        try corpus.bytes.withUnsafeBufferPointer { all in
            for range in corpus.postings {
                let found = try set.scan(UnsafeBufferPointer(rebasing: all[range]), scratch: scratch,
                                         assumeValidUTF8: true)
                for pattern in Set(found.map(\.pattern)) { runsWithMatch[pattern] += 1 }
            }
        }
        print("\nMost-run patterns at \(rules.count) rules (runs per posting, share of runs that matched, pattern, "
              + "required literal sets):\n")
        let postings = Double(corpus.postings.count)
        for i in rules.indices.sorted(by: { scratch.runsPerPattern[$0] > scratch.runsPerPattern[$1] }).prefix(15) {
            let runs = scratch.runsPerPattern[i]
            print(String(format: "- %.3f, %.2f: `%@` %@", Double(runs) / postings,
                         runs == 0 ? 0 : Double(runsWithMatch[i]) / Double(runs), rules[i],
                         set.requiredLiteralSets(ofPattern: i).description))
        }
    }

    /// The same 200 rules with literals chosen by the built-in length/non-ASCII preference instead of rarity.
    private static func lengthOnlyComparison(_ rules: [String], corpus: PatternBenchmarkCorpus,
                                             rarity: Rarity) throws {
        let megabytes = Double(corpus.bytes.count) / 1_000_000
        let byLength = try PatternSet(patterns: rules, engine: .prefilter)
        let m = try measure(byLength, corpus, threads: 1)
        print("\nWithout a rarity sample (built-in preference for long, non-ASCII literals), \(rules.count) rules: "
              + String(format: "%.1f MB/s on 1 core, %.1f rules run per posting, %d matches.",
                       megabytes / m.seconds, Double(m.patternsRun) / Double(corpus.postings.count), m.matches))
    }

    /// The fastest of `n` runs (all runs must agree on the match count).
    static func best(of n: Int, _ body: () throws -> Measurement) throws -> Measurement {
        var fastest = try body()
        for _ in 1..<max(n, 1) {
            let next = try body()
            guard next.matches == fastest.matches else { throw BenchmarkError("runs disagree on match count") }
            if next.seconds < fastest.seconds { fastest = next }
        }
        return fastest
    }

    /// Scans every posting with `set`, on `threads` threads (one scratch each). One thread: thread CPU time;
    /// several: wall-clock time.
    static func measure(_ set: PatternSet, _ corpus: PatternBenchmarkCorpus, threads: Int) throws -> Measurement {
        let chunks = (0..<threads).map { i in
            (corpus.postings.count * i / threads)..<(corpus.postings.count * (i + 1) / threads)
        }
        let results = ResultBox(count: threads)
        let bytes = corpus.bytes, postings = corpus.postings
        let wallStart = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: threads) { i in
            results.set(i, Result { try scanChunk(set, bytes: bytes, postings: postings[chunks[i]]) })
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
        var total = Measurement()
        for result in results.all() {
            let part = try result.get()
            total.matches += part.matches
            total.patternsRun += part.patternsRun
            total.cpuSeconds += part.cpuSeconds
        }
        total.seconds = threads == 1 ? total.cpuSeconds : wall
        return total
    }

    private static func scanChunk(_ set: PatternSet, bytes: [UInt8], postings: ArraySlice<Range<Int>>) throws
        -> Measurement {
        let scratch = set.makeScratch()
        let cpuStart = threadCPUSeconds()
        var m = Measurement()
        try bytes.withUnsafeBufferPointer { all in
            for range in postings {
                // Bytes come from Swift strings, so they are valid UTF-8.
                let found = try set.scan(UnsafeBufferPointer(rebasing: all[range]), scratch: scratch,
                                         assumeValidUTF8: true)
                m.matches += found.count
            }
        }
        m.patternsRun = scratch.counters.patternsRun
        m.cpuSeconds = threadCPUSeconds() - cpuStart
        return m
    }

    private static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private static func machine() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
            ?? "unknown CPU"
        return "\(model), nproc = \(ProcessInfo.processInfo.activeProcessorCount)"
    }
}

/// Per-thread results of a concurrent run.
/// `@unchecked Sendable`: every access to `results` holds `lock`.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<PatternBenchmark.Measurement, any Error>]

    init(count: Int) { results = Array(repeating: .success(.init()), count: count) }

    func set(_ i: Int, _ value: Result<PatternBenchmark.Measurement, any Error>) {
        lock.lock()
        results[i] = value
        lock.unlock()
    }

    func all() -> [Result<PatternBenchmark.Measurement, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}

/// Literal frequency estimated from a sample of postings: the smoothed fraction of postings containing it.
/// Not `Sendable` (it caches): used on one thread, during set construction only.
final class Rarity {
    private let sample: [UInt8]
    private let ends: [Int]
    private var cache: [String: Double] = [:]

    init(corpus: PatternBenchmarkCorpus, sampleSize: Int) {
        let chosen = corpus.postings.prefix(sampleSize)
        // ASCII case folded, as the prefilter's automaton (and its folded literals) match.
        sample = chosen.flatMap { corpus.bytes[$0] }.map(ASCIICaseFolding.fold)
        var offset = 0
        ends = chosen.map { offset += $0.count; return offset }
    }

    /// Fraction of sample postings containing `literal`, with add-half smoothing.
    func frequency(_ literal: String) -> Double {
        if let known = cache[literal] { return known }
        let needle: [UInt8] = ASCIICaseFolding.folded(literal)
        var postings = 0
        sample.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress, !needle.isEmpty else { return }
                var position = 0
                while position < hay.count,
                      let at = Self.find(pinBase, needle.count, in: base, from: position, count: hay.count) {
                    postings += 1
                    position = ends[postingIndex(containing: at)]  // count each posting once
                }
            }
        }
        let value = (Double(postings) + 0.5) / Double(ends.count + 1)
        cache[literal] = value
        return value
    }

    /// Offset of the first occurrence of the needle at or after `from` (memchr for the first byte, then memcmp).
    private static func find(_ needle: UnsafePointer<UInt8>, _ length: Int, in hay: UnsafePointer<UInt8>,
                             from: Int, count: Int) -> Int? {
        var position = from
        while position + length <= count {
            guard let hit = memchr(hay + position, Int32(needle[0]), count - position - length + 1) else { return nil }
            let at = hay.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(hay + at, needle, length) == 0 { return at }
            position = at + 1
        }
        return nil
    }

    private func postingIndex(containing offset: Int) -> Int {
        var lo = 0, hi = ends.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if ends[mid] > offset { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
