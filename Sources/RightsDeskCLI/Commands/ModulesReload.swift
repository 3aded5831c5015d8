import ArgumentParser
import PluginHost
import RuleKit

extension RightsDesk.Modules {
    /// `rightsdesk modules reload`: validate the configuration, packs and external modules by rebuilding the registry.
    ///
    /// Without `--server` it rebuilds in this process through ``RegistryHolder`` (the same path a server's SIGHUP
    /// takes) and reports what the swap would install, or every problem that would keep the old registry.
    /// `--server URL` is meant to POST to the running server's admin API; that API belongs to the server, which
    /// does not exist yet, so the option refuses with exit code 1 instead of pretending.
    struct Reload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the files and rebuild the module registry (a running server: not yet, see --server).",
            discussion: "Exit codes: 0 the rebuild succeeded, 1 problems (listed; a server would keep its old registry).")

        @OptionGroup var options: RulesOptions
        @Option(help: "URL of a running server to reload through its admin API (waits for the server; not available yet).")
        var server: String?

        func run() async throws {
            if let server {
                StandardError.write("modules reload --server \(server): the server's admin API is not implemented yet; "
                    + "nothing was reloaded. Run without --server to validate the files.")
                throw ExitCode(1)
            }
            let config = try options.loadConfig()
            let holder = RegistryHolder(registry: RegistryBuilder(settings: config.moduleSettings).build()) {
                try RegistryFactory.build(config: config, builtIns: BuiltInModules.all)
            }
            switch holder.reload() {
            case .swapped(_, let modules):
                let rules = holder.current.modules.reduce(0) { $0 + $1.rules.count }
                print("ok: \(modules) module(s), \(rules) rules would be active after a reload")
            case .kept(_, let problems):
                for problem in problems { print(problem) }
                StandardError.write("modules reload: the files do not build; a running server would keep its old registry")
                throw ExitCode(1)
            }
            for case let external as ExternalModule in holder.current.modules { external.host.shutdown() }
        }
    }
}
