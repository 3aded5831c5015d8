import Foundation
import PatternPack
import PluginHost
import RuleKit
import Scanning

enum Support {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The invented packs of RuleKitTests (a rules directory holding `demo/`).
    static let rulesDirectory = here.deletingLastPathComponent().appendingPathComponent("RuleKitTests/Fixtures").path

    static func registry(engine: PackEngine = .prefilter, level: Int = 1) throws -> ModuleRegistry {
        var config = RightsDeskConfig()
        config.rulesDirectory = rulesDirectory
        config.engine = engine
        config.level = level
        return try RegistryFactory.build(config: config, builtIns: [])
    }

    /// Scans JSON Lines bytes and returns the output lines, the problems and the summary.
    static func scan(
        _ bytes: [UInt8], engine: PackEngine = .prefilter, jobs: Int = 2, chunkSize: Int = 2, strict: Bool = false
    ) throws -> (lines: [String], problems: [InputProblem], summary: ScanSummary) {
        let runner = ScanRunner(
            registry: try registry(engine: engine), decoder: PostingDecoder(),
            options: ScanOptions(jobs: jobs, strict: strict, chunkSize: chunkSize, chunksPerWorker: 2))
        var reader = JSONLinesReader(MemoryByteSource(bytes, chunk: 5))
        var lines: [String] = []
        var problems: [InputProblem] = []
        let summary = try runner.run(
            reader: &reader, onOutcome: { lines.append(ScanJSON.line($0, language: "en")) },
            onProblem: { problems.append($0) })
        return (lines, problems, summary)
    }
}
