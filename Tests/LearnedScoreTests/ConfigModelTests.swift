import PluginHost
import Testing

@Suite("model section of rightsdesk.yaml")
struct ConfigModelTests {
    @Test("no model section means no model, enabled by default")
    func defaults() throws {
        let config = try ConfigLoader.parse("rules: {level: 1}\n", file: "rightsdesk.yaml")
        #expect(config.modelPath == nil)
        #expect(config.modelEnabled)
    }

    @Test("a site names a default model and can turn it off")
    func pathAndSwitch() throws {
        let on = try ConfigLoader.parse("model:\n  path: rules/models/site.rdmodel\n", file: "rightsdesk.yaml")
        #expect(on.modelPath == "rules/models/site.rdmodel")
        #expect(on.modelEnabled)
        let off = try ConfigLoader.parse("model: {path: m.rdmodel, enabled: false}\n", file: "rightsdesk.yaml")
        #expect(!off.modelEnabled)
    }

    @Test("unknown keys and bad switches are errors with their place")
    func errors() {
        let unknown = #expect(throws: ConfigError.self) { try ConfigLoader.parse("model:\n  file: x\n", file: "c.yaml") }
        #expect(unknown?.line == 2)
        #expect(unknown?.message.contains("unknown key 'file'") == true)
        let bad = #expect(throws: ConfigError.self) { try ConfigLoader.parse("model: {enabled: maybe}\n", file: "c.yaml") }
        #expect(bad?.message.contains("model.enabled") == true)
    }
}
