import ArgumentParser
import PatternPack
import PluginHost
import RuleKit

/// Options shared by `scan` and `rules …`: where the configuration and the rules are, level and engine.
struct RulesOptions: ParsableArguments {
    @Option(help: "Configuration file (default: ./rightsdesk.yaml when present).")
    var config: String?

    @Option(help: "Rules directory (overrides the configuration).")
    var rules: String?

    @Option(help: "Highest rule level to run, 1 (high precision) to 3 (aggressive).")
    var level: Int?

    @Option(help: "Matching engine: naive or prefilter.")
    var engine: String?

    func validate() throws {
        if let level, !(1...3).contains(level) { throw ValidationError("--level must be 1, 2 or 3") }
        if let engine, PackEngine(rawValue: engine) == nil { throw ValidationError("--engine must be naive or prefilter") }
    }

    /// The configuration with command-line overrides applied.
    /// The configuration; a broken one is one line on stderr and exit 2 (bad input), as the exit codes promise.
    func loadConfig() throws -> RightsDeskConfig {
        var config: RightsDeskConfig
        do {
            config = try ConfigLoader.load(path: self.config)
        } catch {
            StandardError.write("rightsdesk: \(error)")
            throw ExitCode(2)
        }
        config.rulesDirectory = RulesLocator.directory(flag: rules, configuration: config)
        if let level { config.level = level }
        if let engine, let value = PackEngine(rawValue: engine) { config.engine = value }
        return config
    }

    /// The registry, or a printed list of problems and exit code 2. With `degraded` (scans), an external module
    /// that cannot start is reported on every posting instead of stopping the scan.
    func buildRegistry(_ config: RightsDeskConfig, literalSample: LiteralSample? = nil,
                       degraded: Bool = false) throws -> ModuleRegistry {
        do {
            return try RegistryFactory.build(config: config, builtIns: BuiltInModules.all, literalSample: literalSample,
                                             degradedExternalModules: degraded)
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
    }
}
