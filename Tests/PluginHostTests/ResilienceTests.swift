import Dispatch
import Foundation
import PluginHost
import RuleKit
import Testing

@Suite("Restarts, circuit breaker, concurrency and health")
struct ResilienceTests {
    @Test("a crashed worker is restarted after an exponential backoff")
    func restartWithBackoff() throws {
        let spec = try ScriptModules.spec(.crashMidRequest) {
            $0.restartBackoffMs = 300
            $0.maxRestartBackoffMs = 10_000
        }
        let host = try ExternalModuleHost(spec: spec)
        let subject = ScriptModules.posting("押金")
        #expect(ScriptModules.failure { _ = try host.evaluate(subject) }?.kind == .crashed)
        let waiting = ScriptModules.failure { _ = try host.evaluate(subject) }
        #expect(waiting?.kind == .restarting)
        #expect(waiting?.reason.contains("(backoff)") == true)
        Thread.sleep(forTimeInterval: 0.4)
        #expect(ScriptModules.failure { _ = try host.evaluate(subject) }?.kind == .crashed, "restarted, crashed again")
        #expect(host.health().restarts == 1)
        let doubled = ScriptModules.failure { _ = try host.evaluate(subject) }
        #expect(doubled?.kind == .restarting)
        let remaining = doubled.flatMap { Int($0.reason.split(separator: " ").first { Int($0) != nil } ?? "") } ?? 0
        #expect(remaining > 300, "the second wait is about 600 ms, double the first")
    }

    @Test("the circuit breaker opens after repeated failures and half-opens after the cool-down")
    func circuitBreaker() throws {
        let flag = (try ScriptModules.temporaryDirectory() as NSString).appendingPathComponent("failing")
        #expect(FileManager.default.createFile(atPath: flag, contents: Data()))
        let spec = try ScriptModules.spec(.errorWhileFlagged, env: ["FLAG_FILE": flag]) {
            $0.breakerThreshold = 3
            $0.breakerCooldownMs = 400
        }
        let host = try ExternalModuleHost(spec: spec)
        let subject = ScriptModules.posting("押金")
        for _ in 0..<3 {
            #expect(ScriptModules.failure { _ = try host.evaluate(subject) }?.kind == .moduleError)
        }
        #expect(host.health().breaker == "open")
        let refused = ScriptModules.failure { _ = try host.evaluate(subject) }
        #expect(refused?.kind == .circuitOpen)
        #expect(refused?.description.hasPrefix("module t failed: circuit breaker open after 3 consecutive failures") == true)
        try FileManager.default.removeItem(atPath: flag)
        Thread.sleep(forTimeInterval: 0.5)
        let findings = try host.evaluate(subject)
        #expect(findings.map(\.rule) == ["t.deposit"], "the half-open trial call went through")
        #expect(host.health().breaker == "closed")
        #expect(host.health().consecutiveFailures == 0)
    }

    @Test("a failed half-open trial opens the breaker again")
    func failedTrial() throws {
        let flag = (try ScriptModules.temporaryDirectory() as NSString).appendingPathComponent("failing")
        #expect(FileManager.default.createFile(atPath: flag, contents: Data()))
        let spec = try ScriptModules.spec(.errorWhileFlagged, env: ["FLAG_FILE": flag]) {
            $0.breakerThreshold = 1
            $0.breakerCooldownMs = 1000
        }
        let host = try ExternalModuleHost(spec: spec)
        let subject = ScriptModules.posting("押金")
        #expect(ScriptModules.failure { _ = try host.evaluate(subject) }?.kind == .moduleError)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(ScriptModules.failure { _ = try host.evaluate(subject) }?.kind == .moduleError, "the trial")
        #expect(ScriptModules.failure { _ = try host.evaluate(subject) }?.kind == .circuitOpen)
    }

    @Test("calls from many threads share a bounded pool of workers and all succeed")
    func concurrentCalls() throws {
        let host = try ExternalModuleHost(spec: try ScriptModules.spec(.normal, maxConcurrent: 2))
        let results = Counter()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let text = index.isMultiple(of: 2) ? "交押金" : "月薪五千"
            if let findings = try? host.evaluate(ScriptModules.posting(text)),
               findings.count == (index.isMultiple(of: 2) ? 1 : 0)
            {
                results.increment()
            }
        }
        #expect(results.value == 16)
        #expect(host.health().runningWorkers <= 2)
        #expect(host.health().failures == 0)
    }

    @Test("findings come back in the built-in shape with evidence in UTF-8 bytes")
    func findingShape() throws {
        let host = try ExternalModuleHost(spec: try ScriptModules.spec(.normal))
        let finding = try #require(try host.evaluate(ScriptModules.posting("请交押金")).first)
        #expect(finding.module == "t")
        #expect(finding.severity == .high)
        #expect(finding.evidence == [Evidence(field: "description", start: 6, end: 12, excerpt: "押金")])
        #expect(finding.actions == [.flagEntity(kind: "phone", value: "1")])
        #expect(try host.ping() >= 0)
    }

    @Test("a shut-down host refuses calls instead of blocking")
    func shutDown() throws {
        let host = try ExternalModuleHost(spec: try ScriptModules.spec(.normal))
        host.shutdown()
        #expect(ScriptModules.failure { _ = try host.evaluate(ScriptModules.posting("押金")) }?.kind == .shutDown)
    }
}

/// A thread-safe counter for concurrency tests.
///
/// `@unchecked Sendable` is safe: `count` is only touched under `lock`.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
