import Dispatch
import Foundation
import PluginHost
import RuleKit
import Testing

@Suite("The host survives misbehaving modules and says what happened")
struct BadModuleTests {
    @Test("a module that crashes at start is refused with its exit status")
    func crashAtStart() throws {
        let spec = try ScriptModules.spec(.crashAtStart)
        let error = ScriptModules.failure { _ = try ExternalModuleHost(spec: spec) }
        #expect(error?.kind == .startFailed)
        #expect(error?.description == "module t failed: exited with status 3 before its handshake")
    }

    @Test("a command that does not exist is refused by name")
    func missingCommand() {
        let spec = ExternalModuleSpec(id: "t", command: "/nonexistent/module-binary")
        let error = ScriptModules.failure { _ = try ExternalModuleHost(spec: spec) }
        #expect(error?.kind == .startFailed)
        #expect(error?.reason.contains("not found") == true)
    }

    @Test("a module that crashes mid-request fails that call and the host goes on")
    func crashMidRequest() throws {
        let host = try ExternalModuleHost(spec: try ScriptModules.spec(.crashMidRequest))
        let error = ScriptModules.failure { _ = try host.evaluate(ScriptModules.posting("押金")) }
        #expect(error?.kind == .crashed)
        #expect(error?.description.hasPrefix("module t failed: worker process ended during a call") == true)
        #expect(error?.reason.contains("exited with status 5") == true)
        let again = ScriptModules.failure { _ = try host.evaluate(ScriptModules.posting("押金")) }
        #expect(again?.kind == .crashed)
        #expect(host.health().failures == 2)
    }

    @Test("a module that hangs is killed at the timeout")
    func hang() throws {
        let host = try ExternalModuleHost(spec: try ScriptModules.spec(.hang, timeoutMs: 300))
        let started = DispatchTime.now()
        let error = ScriptModules.failure { _ = try host.evaluate(ScriptModules.posting("押金")) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        #expect(error?.kind == .timeout)
        #expect(error?.description == "module t failed: no answer within 300 ms; worker killed")
        #expect(seconds < 3)
        #expect(host.health().runningWorkers == 0)
    }

    @Test("a worker that exceeds its memory limit fails its call and the host goes on")
    func memoryLimit() throws {
        let host = try ExternalModuleHost(spec: try ScriptModules.spec(.allocate) { $0.memoryLimitMB = 200 })
        let error = ScriptModules.failure { _ = try host.evaluate(ScriptModules.posting("押金")) }
        #expect(error?.kind == .crashed)
        #expect(error?.reason.contains("exited with status 1") == true)
    }

    @Test("a module that prints garbage is refused as malformed")
    func garbage() throws {
        let host = try ExternalModuleHost(spec: try ScriptModules.spec(.garbage))
        let error = ScriptModules.failure { _ = try host.evaluate(ScriptModules.posting("押金")) }
        #expect(error?.kind == .malformed)
        #expect(error?.reason.hasPrefix("malformed response") == true)
    }

    @Test("a huge line is cut off at maxOutputBytes and counts as a failure")
    func hugeLine() throws {
        let host = try ExternalModuleHost(spec: try ScriptModules.spec(.hugeLine) { $0.maxOutputBytes = 64 * 1024 })
        let error = ScriptModules.failure { _ = try host.evaluate(ScriptModules.posting("押金")) }
        #expect(error?.kind == .oversized)
        #expect(error?.reason.contains("longer than 65536 bytes") == true)
    }

    @Test("an unknown protocol version in the handshake is refused")
    func protocolTwoHandshake() throws {
        let spec = try ScriptModules.spec(.protocolTwoHandshake)
        let error = ScriptModules.failure { _ = try ExternalModuleHost(spec: spec) }
        #expect(error?.kind == .unknownProtocol)
        #expect(error?.reason == "speaks protocol version 2; this host speaks 1")
    }

    @Test("an unknown protocol version in a response is refused")
    func protocolTwoAnswer() throws {
        let host = try ExternalModuleHost(spec: try ScriptModules.spec(.protocolTwoAnswer))
        let error = ScriptModules.failure { _ = try host.evaluate(ScriptModules.posting("押金")) }
        #expect(error?.kind == .unknownProtocol)
    }

    @Test("findings that break the rules are refused with the reason", arguments: [
        (ScriptModules.Mode.rangeOutside, "is outside field 'description'"),
        (.splitCharacter, "is not on a UTF-8 character boundary"),
        (.unknownRule, "rule is not announced in the handshake"),
    ])
    func invalidFindings(mode: ScriptModules.Mode, reason: String) throws {
        let host = try ExternalModuleHost(spec: try ScriptModules.spec(mode))
        let error = ScriptModules.failure { _ = try host.evaluate(ScriptModules.posting("请交押金")) }
        #expect(error?.kind == .invalidFinding)
        #expect(error?.reason.contains(reason) == true)
        #expect(host.health().runningWorkers == 1, "a well-formed but invalid answer keeps the worker")
    }

    @Test("a module's failure is a note on the evaluation; other modules' findings stay")
    func failureInRegistry() throws {
        var builder = RegistryBuilder()
        try builder.register(try ExternalModule(spec: try ScriptModules.spec(.crashMidRequest)))
        try builder.register(try ExternalModule(spec: try ScriptModules.spec(.normal) { $0.id = "u"; $0.args[1] = try ScriptModules.renamed($0.args[1]) }))
        let evaluation = builder.build().evaluate(ScriptModules.posting("请交押金"))
        #expect(evaluation.failures.map(\.module) == ["t"])
        #expect(evaluation.failures.first?.message.hasPrefix("module t failed: worker process ended") == true)
        #expect(evaluation.findings.map(\.rule) == ["u.deposit"])
        #expect(evaluation.findings.first?.module == "u")
    }
}
