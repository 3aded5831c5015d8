import ArgumentParser
import PatternPack
import PluginHost

extension RightsDesk.Rules {
    /// `rightsdesk rules check`: lint every pack; exit 0 when clean, 1 with every problem listed.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lint every rule pack (YAML, regexes, ids, examples, match limits).")

        @OptionGroup var options: RulesOptions

        func run() async throws {
            let config = try options.loadConfig()
            let directories = RegistryFactory.packDirectories(in: config.rulesDirectory)
            var problems: [String] = []
            var ruleCount = 0
            for directory in directories {
                let source = PackSource.read(directory: directory.path)
                ruleCount += source.rules.count
                problems += PackLinter.lint(source).map(\.description)
            }
            if problems.isEmpty {
                do {
                    _ = try RegistryFactory.build(config: config, builtIns: BuiltInModules.all)
                } catch {
                    problems.append(error.description)
                }
            }
            if directories.isEmpty { problems.append("\(config.rulesDirectory): no rule pack found") }
            for problem in problems { print(problem) }
            guard problems.isEmpty else {
                StandardError.write("rules check: \(problems.count) problem(s)")
                throw ExitCode(1)
            }
            print("ok: \(directories.count) pack(s), \(ruleCount) rules")
        }
    }
}
