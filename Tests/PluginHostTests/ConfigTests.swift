import Foundation
import PluginHost
import RuleKit
import Testing

@Suite("The modules: section of rightsdesk.yaml")
struct ConfigTests {
    @Test("modules are read with their limits and environment")
    func parses() throws {
        let config = try ConfigLoader.parse("""
            modules:
              - id: registry_check
                command: python3
                args: [module.py]
                subjects: [jobPosting]
                timeoutMs: 1500
                maxConcurrent: 3
                maxOutputBytes: 4096
                env: {REGISTRY_CSV: data/registry.csv}
            """, file: "rightsdesk.yaml")
        let spec = try #require(config.externalModules.first)
        #expect(spec.id == "registry_check")
        #expect(spec.args == ["module.py"])
        #expect(spec.subjects == [.jobPosting])
        #expect([spec.timeoutMs, spec.maxConcurrent, spec.maxOutputBytes] as [Int] == [1500, 3, 4096])
        #expect(spec.env == ["REGISTRY_CSV": "data/registry.csv"])
    }

    @Test("a bad module declaration is refused with its place", arguments: [
        ("modules:\n  - id: x\n    comand: y\n", "rightsdesk.yaml:3:5: unknown key 'comand'"),
        ("modules:\n  - id: Bad-Id\n    command: y\n", "rightsdesk.yaml:2:9: a module needs an id in snake_case"),
        ("modules:\n  - id: x\n    command: y\n    timeoutMs: 0\n", "rightsdesk.yaml:4:16: expected an integer"),
        ("modules:\n  - id: x\n    command: y\n  - id: x\n    command: z\n", "rightsdesk.yaml:4:5: module id 'x' is declared twice"),
        ("modules:\n  - id: x\n    command: y\n    subjects: [posting]\n", "rightsdesk.yaml:4:15: unknown subject 'posting'"),
    ])
    func refuses(yaml: String, expected: String) {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse(yaml, file: "rightsdesk.yaml") }
        do {
            _ = try ConfigLoader.parse(yaml, file: "rightsdesk.yaml")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test("a declared module that does not start makes the registry build fail with its reason")
    func registryRefusesBrokenModule() throws {
        var config = RightsDeskConfig()
        config.rulesDirectory = try ScriptModules.temporaryDirectory()
        config.externalModules = [try ScriptModules.spec(.crashAtStart)]
        #expect(throws: HostError.self) { try RegistryFactory.build(config: config, builtIns: []) }
        do {
            _ = try RegistryFactory.build(config: config, builtIns: [])
        } catch {
            #expect(error.messages == ["module t failed: exited with status 3 before its handshake"])
        }
    }

    @Test("a declared module that starts is registered beside the packs")
    func registryAddsModule() throws {
        var config = RightsDeskConfig()
        config.rulesDirectory = try ScriptModules.temporaryDirectory()
        config.externalModules = [try ScriptModules.spec(.normal)]
        let registry = try RegistryFactory.build(config: config, builtIns: [])
        #expect(registry.modules.map(\.id) == ["t"])
        #expect(registry.evaluate(ScriptModules.posting("交押金")).score == 5)
    }

    @Test("degraded (scans, a server's first start): a module that does not start is reported on every evaluation")
    func degradedStart() throws {
        var config = RightsDeskConfig()
        config.rulesDirectory = try ScriptModules.temporaryDirectory()
        config.externalModules = [try ScriptModules.spec(.crashAtStart) { $0.id = "broken" }, try ScriptModules.spec(.normal)]
        let registry = try RegistryFactory.build(config: config, builtIns: [], degradedExternalModules: true)
        let evaluation = registry.evaluate(ScriptModules.posting("交押金"))
        #expect(evaluation.failures.map(\.module) == ["broken"])
        #expect(evaluation.failures.first?.message.contains("module broken failed: could not start") == true)
        #expect(evaluation.score == 5)  // the working module still judged the posting
    }
}
