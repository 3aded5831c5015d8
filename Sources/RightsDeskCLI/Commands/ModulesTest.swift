import ArgumentParser
import PluginHost
import RuleKit
import RuleKitTesting

extension RightsDesk.Modules {
    /// `rightsdesk modules test [ID]`: run every rule's examples through its module (external ones through the host).
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every module's rule examples; external modules are exercised through the host.",
            discussion: "Exit codes: 0 all examples hold, 1 a failure (listed), 2 the modules could not be built.")

        @OptionGroup var options: RulesOptions
        @Argument(help: "Only this module id.") var module: String?

        func run() async throws {
            let registry = try options.buildRegistry(try options.loadConfig())
            let selected = registry.modules.filter { module == nil || $0.id == module }
            if let module, selected.isEmpty {
                StandardError.write("no module '\(module)'")
                throw ExitCode(3)
            }
            var failures = 0
            for candidate in selected {
                let problems = RuleExampleVerifier.verify(candidate)
                let kind = RightsDesk.Modules.kind(of: candidate)
                if problems.isEmpty {
                    print("ok    \(candidate.id) (\(kind)): \(candidate.rules.count) rules, all examples hold")
                } else {
                    print("FAIL  \(candidate.id) (\(kind)):")
                    for problem in problems { print("      \(problem.description)") }
                    failures += problems.count
                }
            }
            guard failures == 0 else {
                StandardError.write("modules test: \(failures) failure(s)")
                throw ExitCode(1)
            }
        }
    }
}
