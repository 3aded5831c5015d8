import PatternPack
import PluginHost
import RuleKit
import Testing

@Suite("Configuration and registry factory")
struct ConfigTests {
    @Test("no file gives the defaults")
    func defaults() throws {
        let config = try ConfigLoader.parse("", file: "empty.yaml")
        #expect(config.level == 1 && config.rulesDirectory == "rules" && config.engine == .prefilter)
        #expect(config.thresholds == Thresholds(suspicious: 4, likelyFraud: 8))
    }

    @Test("settings are read")
    func values() throws {
        let yaml = "rules:\n  level: 2\n  disabledRules: [demo.brushing]\nthresholds: {suspicious: 3, likelyFraud: 9}\nscan: {engine: naive}\n"
        let config = try ConfigLoader.parse(yaml, file: "c.yaml")
        #expect(config.level == 2 && config.disabledRules == ["demo.brushing"])
        #expect(config.thresholds.likelyFraud == 9 && config.engine == .naive)
    }

    @Test("an unknown key is an error with file and line")
    func unknownKey() {
        #expect {
            try ConfigLoader.parse("rules:\n  levle: 2\n", file: "c.yaml")
        } throws: { error in
            (error as? ConfigError)?.description.hasPrefix("c.yaml:2:") == true
        }
    }

    @Test("the factory loads every pack directory of the rules directory")
    func factory() throws {
        let registry = try Support.registry()
        #expect(registry.modules.map(\.id) == ["demo"])
    }

    @Test("a built-in module claims its directory so it is not loaded twice")
    func builtInClaims() throws {
        var config = RightsDeskConfig()
        config.rulesDirectory = Support.rulesDirectory
        let builtIn = BuiltInModuleFactory(moduleID: "demo_builtin", packDirectory: "demo") { rules, engine, _ in
            try PackLoader.load(directory: rules + "/demo", id: "demo_builtin", engine: engine)
        }
        let registry = try RegistryFactory.build(config: config, builtIns: [builtIn])
        #expect(registry.modules.map(\.id) == ["demo_builtin"])
    }
}

@Suite("Shipped example configuration")
struct ShippedConfigTests {
    @Test("rightsdesk.yaml at the repository root parses and states the defaults")
    func example() throws {
        let path = Support.here.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rightsdesk.yaml").path
        var config = try ConfigLoader.load(path: path)
        config.source = nil
        var defaults = RightsDeskConfig()
        defaults.rulesDirectory = config.rulesDirectory
        defaults.rulesDirectoryIsExplicit = true
        defaults.databasePath = config.databasePath
        #expect(config == defaults)
        #expect(config.rulesDirectory.hasSuffix("/rules"))
        #expect(config.databasePath?.hasSuffix("/rightsdesk.sqlite") == true)
    }
}
