import CaseCore
import CaseStore
import Foundation
import GRDB

/// `rightsdesk-bench store [--cases N,M,...] [--intake K] [--dir PATH] [--repeat R]`: the CaseStore benchmark.
///
/// (a) durable single-case intake through `CaseStore.create` against a raw GRDB insert of an equivalent row into
/// a table of the same shape (WAL, `synchronous = FULL`, one transaction per case), interleaved in rounds;
/// (b) bulk import rate (`importBatch`); (c) search latency p50/p95 for 1-, 2- and 4-character Chinese queries on
/// stores of each size. Stores are built from a fixed seed into `--dir` (default `.build-bench/`) and reused.
/// Results go to stdout as Markdown; progress to stderr.
enum StoreBenchmark {
    struct Options {
        var sizes = [100_000, 1_000_000]
        var intake = 2_000
        var directory = ".build-bench"
        var repeats = 20
    }

    static func run(_ args: [String]) throws {
        let options = try parse(args)
        try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
        print(machineDescription())
        fflush(nil)  // all streams: results appear section by section
        try intake(options)
        fflush(nil)  // all streams: results appear section by section
        for size in options.sizes {
            try searchLatency(size: size, options: options)
            fflush(nil)  // all streams: results appear section by section
        }
    }

    static func parse(_ args: [String]) throws -> Options {
        var options = Options()
        var iterator = args.makeIterator()
        while let arg = iterator.next() {
            guard let value = iterator.next() else { throw BenchError("missing value after \(arg)") }
            switch arg {
            case "--cases": options.sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--intake": options.intake = Int(value) ?? options.intake
            case "--dir": options.directory = value
            case "--repeat": options.repeats = Int(value) ?? options.repeats
            default: throw BenchError("unknown option \(arg)")
            }
        }
        guard !options.sizes.isEmpty, options.sizes.allSatisfy({ $0 > 0 }), options.intake > 0,
              options.repeats > 0 else {
            throw BenchError("--cases needs positive numbers, --intake and --repeat a positive number")
        }
        return options
    }

    struct BenchError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func log(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func machineDescription() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
            ?? "unknown"
        let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")
            .split(separator: " ").prefix(3).joined(separator: " ")
        let sqlite = (try? DatabaseQueue().read { try String.fetchOne($0, sql: "SELECT sqlite_version()") }) ?? nil
        return """
            machine: \(ProcessInfo.processInfo.activeProcessorCount) cores (nproc), \(model), \
            SQLite \(sqlite ?? "?"), \((ProcessInfo.processInfo.physicalMemory >> 30)) GiB; \
            load average at start \(load)
            """
    }

    // MARK: - (a) Durable intake

    static func intake(_ options: Options) throws {
        let directory = options.directory + "/intake-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try CaseStore(path: directory + "/store.sqlite")
        let raw = try RawCaseTable(path: directory + "/raw.sqlite")
        var generator = CaseGenerator(seed: 7)
        let items = (0..<options.intake).map { generator.next(index: $0, of: options.intake) }
        let rounds = 10
        let perRound = max(1, options.intake / rounds)
        var storeTime = Duration.zero
        var rawTime = Duration.zero
        var done = 0
        let clock = ContinuousClock()
        for round in 0..<rounds {
            let slice = items[min(round * perRound, items.count)..<min((round + 1) * perRound, items.count)]
            storeTime += try clock.measure {
                for item in slice { _ = try store.create(item.record, openEvent: item.openEvent, numberPrefix: "WC") }
            }
            rawTime += try clock.measure {
                for item in slice { try raw.insert(item.record) }
            }
            done += slice.count
        }
        let storeRate = Double(done) / seconds(storeTime)
        let rawRate = Double(done) / seconds(rawTime)
        print("""

            ### (a) Durable single-case intake (\(done) cases, one transaction each, WAL + synchronous=FULL)
            | path | cases/s | ms/case |
            |---|---|---|
            | `CaseStore.create` (case + number + open event + n-gram index) | \(format(storeRate, 0)) | \
            \(format(1000 / storeRate, 3)) |
            | raw GRDB insert of an equivalent `cases` row (same columns, indexes, values) | \(format(rawRate, 0)) | \
            \(format(1000 / rawRate, 3)) |
            | ratio store / raw | \(format(100 * storeRate / rawRate, 1)) % | |
            """)
    }

    // MARK: - (b) Bulk import and (c) search latency

    static func searchLatency(size: Int, options: Options) throws {
        let path = options.directory + "/store-\(size).sqlite"
        if FileManager.default.fileExists(atPath: path), let store = try? CaseStore(path: path),
           (try? store.count(CaseFilter())) == size {
            log("reusing \(path)")
        } else {
            try build(size: size, path: path)
        }
        let store = try CaseStore(path: path)
        let fileSize = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
        print("""

            ### (c) Search latency, \(size) cases (file \(fileSize >> 20) MiB; limit 50, records fetched; \
            \(options.repeats) runs per query after one warm-up)
            | query class | queries | mean hits | p50 ms | p95 ms | max ms |
            |---|---|---|---|---|---|
            """)
        for (name, queries) in CaseGenerator.queryClasses {
            var latencies: [Double] = []
            var hits = 0
            for query in queries {
                hits += try store.search(query).count
                for _ in 0..<options.repeats {
                    latencies.append(seconds(try ContinuousClock().measure { _ = try store.search(query) }) * 1000)
                }
            }
            latencies.sort()
            let p50 = latencies[latencies.count / 2]
            let p95 = latencies[min(latencies.count - 1, Int(Double(latencies.count) * 0.95))]
            print("| \(name) | \(queries.joined(separator: " ")) | \(format(Double(hits) / Double(queries.count), 1)) "
                  + "| \(format(p50, 2)) | \(format(p95, 2)) | \(format(latencies.last ?? 0, 2)) |")
        }
    }

    /// Builds a store of `size` generated cases with `importBatch` and reports the import rate.
    static func build(size: Int, path: String) throws {
        let partial = path + ".partial"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
        log("building \(path) (\(size) cases)")
        var generator = CaseGenerator(seed: 42)
        var importTime = Duration.zero
        var generateTime = Duration.zero
        var optimizeTime = Duration.zero
        let clock = ContinuousClock()
        do {
            let store = try CaseStore(path: partial)
            let chunk = 10_000
            var start = 0
            while start < size {
                let count = min(chunk, size - start)
                var items: [(record: CaseRecord, openEvent: CaseEvent)] = []
                generateTime += clock.measure {
                    items = (start..<start + count).map { generator.next(index: $0, of: size) }
                }
                importTime += try clock.measure { _ = try store.importBatch(items, numberPrefix: "WC") }
                start += count
                if start % 100_000 == 0 { log("  \(start) cases, \(format(seconds(importTime), 1)) s importing") }
            }
            optimizeTime = try clock.measure { try store.optimizeSearchIndex() }
        }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        print("""

            ### (b) Bulk import, \(size) cases (`importBatch`, 1 000 cases per transaction)
            | cases | import s | cases/s | then `optimizeSearchIndex` s | generating the cases s |
            |---|---|---|---|---|
            | \(size) | \(format(seconds(importTime), 1)) | \(format(Double(size) / seconds(importTime), 0)) | \
            \(format(seconds(optimizeTime), 1)) | \(format(seconds(generateTime), 1)) |
            """)
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
