import Foundation
import PluginHost
import RuleKit
import RuleKitTesting
import Testing

@Suite("The example modules in Plugins/Examples run through the host")
struct ExampleModuleTests {
    /// The package root, from this file's place.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static var pythonSpec: ExternalModuleSpec {
        ExternalModuleSpec(
            id: "registry_check", command: "python3",
            args: ["-u", root + "/Plugins/Examples/python-registry-check/module.py"], timeoutMs: 5000)
    }

    /// The built SwiftKeywordModule executable beside the test bundle (the test target depends on it).
    static var swiftSpec: ExternalModuleSpec? {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("SwiftKeywordModule").path
        let candidates = [besideTests, root + "/.build/debug/SwiftKeywordModule"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        return ExternalModuleSpec(id: "keywords", command: path, args: ["--keyword", "刷单", "--keyword", "垫付"], timeoutMs: 5000)
    }

    @Test("the Python registry check passes its rule examples through the host")
    func pythonExamples() throws {
        let module = try ExternalModule(spec: Self.pythonSpec)
        #expect(module.id == "registry_check")
        #expect(module.rules.map(\.id) == ["registry_check.unregistered_company"])
        #expect(RuleExampleVerifier.verify(module).isEmpty)
    }

    @Test("the Python registry check flags an unregistered company and not a registered one")
    func pythonFindings() throws {
        let module = try ExternalModule(spec: Self.pythonSpec)
        let flagged = try module.evaluate(ScriptModules.posting("招聘", company: " 速发网络科技有限公司"), context: EmptyContext())
        #expect(flagged.first?.evidence.first?.start == 1)
        #expect(flagged.first?.evidence.first?.end == 31)
        #expect(flagged.first?.actions == [.flagEntity(kind: "company", value: "速发网络科技有限公司")])
        let registered = try module.evaluate(ScriptModules.posting("招聘", company: "宁波示例物流有限公司"), context: EmptyContext())
        #expect(registered.isEmpty)
    }

    @Test("the Swift keyword module passes its examples and flags configured keywords")
    func swiftKeywords() throws {
        let spec = try #require(Self.swiftSpec, "SwiftKeywordModule must be built beside the tests")
        let module = try ExternalModule(spec: spec)
        #expect(RuleExampleVerifier.verify(module).isEmpty)
        let findings = try module.evaluate(ScriptModules.posting("先垫付后返现"), context: EmptyContext())
        #expect(findings.first?.evidence == [Evidence(field: "description", start: 3, end: 9, excerpt: "垫付")])
        #expect(try module.evaluate(ScriptModules.posting("日赚千元"), context: EmptyContext()).isEmpty)
    }

    @Test("both examples register beside each other and answer health pings")
    func bothInOneRegistry() throws {
        let keywords = try #require(Self.swiftSpec)
        var builder = RegistryBuilder()
        try builder.register(try ExternalModule(spec: Self.pythonSpec))
        try builder.register(try ExternalModule(spec: keywords))
        let registry = builder.build()
        let evaluation = registry.evaluate(ScriptModules.posting("在家刷单", company: "速发网络科技有限公司"))
        #expect(evaluation.failures.isEmpty)
        #expect(Set(evaluation.findings.map(\.rule)) == ["registry_check.unregistered_company", "keywords.flagged_word"])
        #expect(evaluation.score == 7)
        for case let module as ExternalModule in registry.modules {
            #expect(try module.host.ping() >= 0)
            #expect(module.host.health().isHealthy)
        }
    }
}
