import Dispatch
import Foundation
import PluginHost
import RuleKit
import Testing

@Suite("Reloading the registry")
struct ReloadTests {
    static func pack(score: Int) -> String {
        """
        pack: demo
        version: 1
        rules:
          - id: demo.deposit
            name: {zh: 押金, en: Deposit}
            severity: high
            score: \(score)
            patterns: ['押金']
            message: {zh: 要求交押金, en: Asks for a deposit}
            examples: {trigger: ["交⟦押金⟧"], ignore: ["无"]}

        """
    }

    /// A config file pointing at a rules directory with one pack; returns the config path and the pack file.
    static func site(score: Int) throws -> (config: String, pack: String) {
        let root = try ScriptModules.temporaryDirectory()
        let rules = (root as NSString).appendingPathComponent("rules/demo")
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        let pack = (rules as NSString).appendingPathComponent("demo.yaml")
        try Self.pack(score: score).write(toFile: pack, atomically: true, encoding: .utf8)
        let config = (root as NSString).appendingPathComponent("rightsdesk.yaml")
        try "rules: {directory: rules}\n".write(toFile: config, atomically: true, encoding: .utf8)
        return (config, pack)
    }

    @Test("a changed rule gives a new verdict after reload; a broken edit keeps the old rules and says why")
    func reloadSwapsAndKeeps() throws {
        let (config, pack) = try Self.site(score: 5)
        let holder = try RegistryHolder.fromConfig(path: config, builtIns: [])
        let posting = ScriptModules.posting("请交押金")
        #expect(holder.current.evaluate(posting).verdict == .suspicious)

        try Self.pack(score: 9).write(toFile: pack, atomically: true, encoding: .utf8)
        let swapped = holder.reload()
        #expect(swapped.swapped)
        #expect(holder.generation == 2)
        #expect(holder.current.evaluate(posting).verdict == .likelyFraud)

        try Self.pack(score: 2).replacingOccurrences(of: "patterns: ['押金']", with: "patterns: ['(?:押金']")
            .write(toFile: pack, atomically: true, encoding: .utf8)
        let kept = holder.reload()
        guard case .kept(let generation, let problems) = kept else {
            Issue.record("a broken pack must not be swapped in")
            return
        }
        #expect(generation == 2)
        #expect(problems.contains { $0.contains("demo.yaml") })
        #expect(holder.current.evaluate(posting).verdict == .likelyFraud, "the old rules stay active")
    }

    @Test("SIGHUP reloads the registry")
    func hangup() throws {
        let (config, pack) = try Self.site(score: 5)
        let holder = try RegistryHolder.fromConfig(path: config, builtIns: [])
        let reloaded = DispatchSemaphore(value: 0)
        let source = holder.reloadOnHangup { _ in reloaded.signal() }
        defer { source.cancel() }
        try Self.pack(score: 9).write(toFile: pack, atomically: true, encoding: .utf8)
        kill(getpid(), SIGHUP)
        #expect(reloaded.wait(timeout: .now() + 20) == .success)
        #expect(holder.current.evaluate(ScriptModules.posting("请交押金")).verdict == .likelyFraud)
    }

    @Test("a module that no longer starts keeps the old registry")
    func brokenModuleKeepsOld() throws {
        let good = try ScriptModules.spec(.normal)
        let broken = try ScriptModules.spec(.crashAtStart)
        let useBroken = Flag()
        let holder = try RegistryHolder {
            var config = RightsDeskConfig()
            config.rulesDirectory = "/nonexistent-rules"
            config.externalModules = [useBroken.isSet ? broken : good]
            return try RegistryFactory.build(config: config, builtIns: [])
        }
        useBroken.set()
        let outcome = holder.reload()
        guard case .kept(_, let problems) = outcome else {
            Issue.record("expected the old registry to be kept")
            return
        }
        #expect(problems == ["module t failed: exited with status 3 before its handshake"])
        #expect(holder.current.evaluate(ScriptModules.posting("押金")).findings.count == 1)
    }

    @Test("an evaluation in flight finishes on the registry it started with while a reload swaps")
    func inFlightKeepsSnapshot() throws {
        let version = Flag()
        let slow = try ScriptModules.spec(.slow, env: ["SLOW_SECONDS": "0.8", "MODULE_VERSION": "1"])
        let holder = try RegistryHolder {
            var spec = slow
            spec.env["MODULE_VERSION"] = version.isSet ? "2" : "1"
            var builder = RegistryBuilder()
            try builder.register(try ExternalModule(spec: spec))
            return builder.build()
        }
        let snapshot = holder.current
        let result = Box()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            result.evaluation = snapshot.evaluate(ScriptModules.posting("交押金"))
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.2)
        version.set()
        #expect(holder.reload().swapped)
        #expect(holder.current.modules.first?.version == "2")
        done.wait()
        let evaluation = try #require(result.evaluation)
        #expect(evaluation.failures.isEmpty)
        #expect(evaluation.findings.first?.message.en == "deposit v1", "finished on the old module")
        #expect(holder.current.evaluate(ScriptModules.posting("交押金")).findings.first?.message.en == "deposit v2")
    }
}

/// A flag shared with a `@Sendable` builder.
///
/// `@unchecked Sendable` is safe: `value` is only touched under `lock`.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// A result slot written by one background closure and read after a semaphore.
///
/// `@unchecked Sendable` is safe: written once before `signal()`, read only after `wait()`, which orders them.
final class Box: @unchecked Sendable {
    var evaluation: Evaluation?
}
