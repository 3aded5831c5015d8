import CaseCore
import CaseEngine
import CaseStore
import EntityKit
import Foundation

/// `rightsdesk-bench entities [--cases N,M] [--dir PATH] [--repeat R] [--rules DIR]`: the entity-index benchmark.
///
/// Builds stores of generated cases (the store benchmark's generator, seed 42; a quarter of respondent phones
/// drawn from a pool of 2 000 "intermediary" numbers so some contacts are hot) with `importBatch`, indexes their
/// entities with `indexCases` (2 000 cases per transaction), then measures the queries the intake check, the
/// scan context and the `entities` commands run: p50 / p95 / max over `--repeat` runs per entity after a warm-up.
/// Markdown to stdout, progress to stderr.
enum EntityBenchmark {
    struct Options {
        var sizes = [1_000_000]
        var directory = ".build-bench"
        var repeats = 200
        var rules = "rules"
    }

    static func run(_ args: [String]) throws {
        let options = try parse(args)
        try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
        print(StoreBenchmark.machineDescription())
        for size in options.sizes {
            let path = options.directory + "/entities-\(size).sqlite"
            if !FileManager.default.fileExists(atPath: path) { try build(size: size, path: path) }
            try queries(path: path, size: size, options: options)
            fflush(nil)  // results appear section by section
        }
    }

    static func parse(_ args: [String]) throws -> Options {
        var options = Options()
        var iterator = args.makeIterator()
        while let arg = iterator.next() {
            guard let value = iterator.next() else { throw StoreBenchmark.BenchError("missing value after \(arg)") }
            switch arg {
            case "--cases": options.sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--dir": options.directory = value
            case "--repeat": options.repeats = Int(value) ?? options.repeats
            case "--rules": options.rules = value
            default: throw StoreBenchmark.BenchError("unknown option \(arg)")
            }
        }
        guard !options.sizes.isEmpty, options.sizes.allSatisfy({ $0 > 0 }), options.repeats > 0 else {
            throw StoreBenchmark.BenchError("--cases needs positive numbers, --repeat a positive number")
        }
        return options
    }

    static func poolPhone(_ n: Int) -> String { "1770000\(String(format: "%04d", n))" }

    /// Imports and indexes `size` generated cases into `path` and prints the rates.
    static func build(size: Int, path: String) throws {
        let partial = path + ".partial"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
        StoreBenchmark.log("building \(path) (\(size) cases)")
        var generator = CaseGenerator(seed: 42)
        let clock = ContinuousClock()
        var importTime = Duration.zero
        var indexTime = Duration.zero
        var mentions = 0
        do {
            let store = try CaseStore(path: partial)
            var start = 0
            while start < size {
                let count = min(10_000, size - start)
                let items = (start..<start + count).map { index -> (record: CaseRecord, openEvent: CaseEvent) in
                    var item = generator.next(index: index, of: size)
                    if index % 4 == 0, let r = item.record.parties.firstIndex(where: { $0.role == .respondent }) {
                        item.record.parties[r].phone = poolPhone(index / 4 % 2_000)
                    }
                    return item
                }
                importTime += try clock.measure { _ = try store.importBatch(items, numberPrefix: "WC") }
                let occurrences = items.enumerated().map { offset, item in
                    (caseId: Int64(start + offset + 1), occurrences: CaseEntities.occurrences(of: item.record))
                }
                mentions += occurrences.reduce(0) { $0 + $1.occurrences.count }
                indexTime += try clock.measure {
                    for batch in stride(from: 0, to: occurrences.count, by: 2_000) {
                        try store.indexCases(Array(occurrences[batch..<min(batch + 2_000, occurrences.count)]))
                    }
                }
                start += count
                if start % 100_000 == 0 { StoreBenchmark.log("  \(start) cases") }
            }
        }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        print("""

            ### Building the index, \(size) cases (\(mentions) entity occurrences)
            | cases | import s | index s | cases indexed / s |
            |---|---|---|---|
            | \(size) | \(StoreBenchmark.format(StoreBenchmark.seconds(importTime), 1)) | \
            \(StoreBenchmark.format(StoreBenchmark.seconds(indexTime), 1)) | \
            \(StoreBenchmark.format(Double(size) / StoreBenchmark.seconds(indexTime), 0)) |
            """)
    }
}
