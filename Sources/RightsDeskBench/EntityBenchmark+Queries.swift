import CaseCore
import CaseEngine
import CaseStore
import EntityKit
import Foundation

extension EntityBenchmark {
    /// Measures the entity queries on the store at `path`.
    static func queries(path: String, size: Int, options: Options) throws {
        let store = try CaseStore(path: path)
        let fileSize = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
        let now = Date(timeIntervalSince1970: 1_704_038_400 + 3 * 365 * 86_400)
        let companies = try store.entities(kind: .company, limit: 20).map(\.entity)
        let hot = (0..<20).compactMap { Entity(kind: .phone, value: poolPhone($0 * 97)) }
        let cold = try store.entities(kind: .phone, limit: 2_000).map(\.entity)
            .filter { !$0.value.hasPrefix("17700") }.prefix(20)
        print("""

            ### Entity queries, \(size) cases (file \(fileSize >> 20) MiB; \(options.repeats) runs per query class \
            after one warm-up, over 20 entities each)
            | query | entities | mean rows | p50 ms | p95 ms | max ms |
            |---|---|---|---|---|---|
            """)
        try measure("entity(_:) lookup", Array(cold), options) { try store.entity($0) == nil ? 0 : 1 }
        try measure("windowCount 30 d, company (~\(size / 600) cases each)", companies, options) {
            try store.windowCount($0, days: 30, now: now).cases
        }
        try measure("windowCount 365 d, company", companies, options) {
            try store.windowCount($0, days: 365, now: now).cases
        }
        try measure("windowCount 30 d, hot phone", hot, options) { try store.windowCount($0, days: 30, now: now).cases }
        try measure("cases(naming:) limit 50, company", companies, options) { try store.cases(naming: $0, limit: 50).count }
        try measure("companies(sharing:), hot phone", hot, options) { try store.companies(sharing: $0).count }
        try measure("companies(sharing:), cold phone", Array(cold), options) { try store.companies(sharing: $0).count }
        try measure("entities(kind: company, since 30 d)", [companies[0]], options) {
            _ = $0
            return try store.entities(kind: .company, since: now.addingTimeInterval(-30 * 86_400), limit: 100).count
        }
        try intakeCheck(store: store, now: now, options: options)
    }

    /// The whole intake check of a stored case: module evaluation with history, related cases, flag recording.
    static func intakeCheck(store: CaseStore, now: Date, options: Options) throws {
        let settings = try CaseEngineSettings.load(rulesDirectory: options.rules)
        let service = CaseService(store: store, settings: settings, now: { now })
        let desk = try IntermediaryDesk(service: service, rulesDirectory: options.rules)
        let quarter = max(1, (try store.count(CaseFilter())) / 4)
        let ids = (0..<20).map { String(1 + 4 * ($0 * 997 % quarter)) }  // cases with a pool phone
        var latencies: [Double] = []
        var rows = 0
        for id in ids { rows += try desk.check(id).related.count }
        for _ in 0..<max(1, options.repeats / 10) {
            for id in ids {
                latencies.append(StoreBenchmark.seconds(try ContinuousClock().measure { _ = try desk.check(id) }) * 1000)
            }
        }
        row("IntermediaryDesk.check (evaluate + related + record flags)", ids.count, Double(rows) / Double(ids.count),
            latencies)
    }

    static func measure(_ name: String, _ entities: [Entity], _ options: Options,
                        _ body: (Entity) throws -> Int) throws {
        guard !entities.isEmpty else { return }
        var rows = 0
        for entity in entities { rows += try body(entity) }
        var latencies: [Double] = []
        let rounds = max(1, options.repeats / entities.count)
        for _ in 0..<rounds {
            for entity in entities {
                latencies.append(StoreBenchmark.seconds(try ContinuousClock().measure { _ = try body(entity) }) * 1000)
            }
        }
        row(name, entities.count, Double(rows) / Double(entities.count), latencies)
    }

    static func row(_ name: String, _ count: Int, _ meanRows: Double, _ values: [Double]) {
        let sorted = values.sorted()
        let p50 = sorted[sorted.count / 2]
        let p95 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
        print("| \(name) | \(count) | \(StoreBenchmark.format(meanRows, 1)) | \(StoreBenchmark.format(p50, 3)) "
              + "| \(StoreBenchmark.format(p95, 3)) | \(StoreBenchmark.format(sorted.last ?? 0, 3)) |")
        fflush(nil)  // one row at a time
    }
}
