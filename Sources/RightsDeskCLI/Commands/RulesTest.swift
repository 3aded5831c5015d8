import ArgumentParser
import PluginHost
import RuleKit
import RuleKitTesting

extension RightsDesk.Rules {
    /// `rightsdesk rules test`: run every rule's examples; exit 0 when all hold, 1 with every failure listed.
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every rule's trigger and ignore examples.")

        @OptionGroup var options: RulesOptions

        func run() async throws {
            let config = try options.loadConfig()
            let registry: ModuleRegistry
            do {
                registry = try RegistryFactory.build(config: config, builtIns: BuiltInModules.all)
            } catch {
                print(error.description)
                throw ExitCode(1)
            }
            var failures = 0
            var rules = 0
            for module in registry.modules {
                rules += module.rules.count
                for failure in RuleExampleVerifier.verify(module) {
                    print(failure.description)
                    failures += 1
                }
            }
            guard failures == 0 else {
                StandardError.write("rules test: \(failures) failure(s)")
                throw ExitCode(1)
            }
            print("ok: \(rules) rules, all examples hold")
        }
    }
}
