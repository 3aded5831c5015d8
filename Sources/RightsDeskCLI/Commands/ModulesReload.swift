import ArgumentParser
import Foundation
import PluginHost
import RuleKit

extension RightsDesk.Modules {
    /// `rightsdesk modules reload`: validate the configuration, packs and external modules by rebuilding the registry.
    ///
    /// Without `--server` it rebuilds in this process through ``RegistryHolder`` (the same path a server's SIGHUP
    /// takes) and reports what the swap would install, or every problem that would keep the old registry.
    /// With `--server URL` it asks a running server to reload (`POST /api/v1/admin/reload` with an admin's bearer
    /// token from `--token` or `RIGHTSDESK_TOKEN`); the server keeps its running rules when the files do not build.
    struct Reload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the files and rebuild the module registry, here or in a running server (--server).",
            discussion: "Exit codes: 0 the rebuild succeeded, 1 problems (listed; a server keeps its old registry) or the server could not be reached, 2 usage error.")

        @OptionGroup var options: RulesOptions
        @Option(help: "URL of a running server to reload through its admin API, e.g. http://127.0.0.1:8080.")
        var server: String?
        @Option(help: "An admin's bearer token for --server (default: env RIGHTSDESK_TOKEN).")
        var token: String?

        func run() async throws {
            if let server {
                let bearer = token ?? ProcessInfo.processInfo.environment["RIGHTSDESK_TOKEN"]
                guard let bearer, !bearer.isEmpty else {
                    StandardError.write("modules reload --server needs an admin's token (--token or RIGHTSDESK_TOKEN)")
                    throw ExitCode(2)
                }
                try await ServerReload.request(server: server, token: bearer)
                return
            }
            let config = try options.loadConfig()
            let holder = RegistryHolder(registry: RegistryBuilder(settings: config.moduleSettings).build()) {
                // As the server rebuilds: with the learned model the configuration names (a refused file fails).
                try RegistryFactory.build(config: config, builtIns: try BuiltInModules.configured(config))
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
