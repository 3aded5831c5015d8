import Dispatch
import Foundation
import PluginHost
import RuleKit
import Scanning
import Testing

@Suite("Scans with a failing external module")
struct ScanWithModulesTests {
    @Test("a hanging module loses no posting and does not block the scan; the breaker makes the rest fail fast")
    func hangingModuleDuringScan() throws {
        let hanging = try ScriptModules.spec(.hang, timeoutMs: 250, maxConcurrent: 2) {
            $0.breakerThreshold = 2
            $0.breakerCooldownMs = 60_000
        }
        var builder = RegistryBuilder()
        try builder.register(try ExternalModule(spec: hanging))
        try builder.register(try ExternalModule(spec: try ScriptModules.spec(.normal) { spec in
            spec.id = "u"
            spec.args[1] = try ScriptModules.renamed(spec.args[1])
        }))
        let lines = (0..<40).map { #"{"id":"\#($0)","description":"请交押金"}"# }.joined(separator: "\n") + "\n"
        var reader = JSONLinesReader(MemoryByteSource(Array(lines.utf8)))
        let runner = ScanRunner(
            registry: builder.build(), decoder: PostingDecoder(), options: ScanOptions(jobs: 2, chunkSize: 4))
        var outcomes: [ScanOutcome] = []
        let started = DispatchTime.now()
        let summary = try runner.run(reader: &reader, onOutcome: { outcomes.append($0) }, onProblem: { _ in })
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        #expect(summary.postings == 40)
        #expect(outcomes.map(\.id) == (0..<40).map(String.init), "every posting, in input order")
        #expect(outcomes.allSatisfy { $0.evaluation.findings.map(\.rule) == ["u.deposit"] })
        #expect(outcomes.allSatisfy { $0.evaluation.failures.first?.message.hasPrefix("module t failed: ") == true })
        let refused = outcomes.filter { $0.evaluation.failures.first?.message.contains("circuit breaker open") == true }
        #expect(refused.count >= 36, "after two timeouts the breaker refuses at once")
        #expect(seconds < 20)
    }
}
