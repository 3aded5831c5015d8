import ArgumentParser
import Foundation
import PluginHost
import RightsDeskServer

extension RightsDesk {
    /// `rightsdesk serve`: the JSON API and the web UI on one SQLite file.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the web UI and the JSON API (/api/v1).",
            discussion: "On the first start (no users) it creates the account `admin` and prints its password once.")

        @Option(help: "Interface to listen on.") var host = "127.0.0.1"
        @Option(help: "TCP port.") var port = 8080
        @Flag(help: "Mark cookies Secure (when served behind TLS).") var secureCookies = false
        @OptionGroup var options: GlobalOptions

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be 1-65535") }
        }

        func run() async throws {
            var logger = CommandContext.logger()
            if ProcessInfo.processInfo.environment["RIGHTSDESK_LOG_LEVEL"] == nil { logger.logLevel = .notice }
            let configuration: RightsDeskConfig
            do {
                configuration = try options.loadConfiguration()
            } catch {
                Output.error(String(describing: error))
                throw ExitCode(2)
            }
            let serverConfig = ServerConfig(host: host, port: port, databasePath: options.databasePath(configuration),
                                            rulesDirectory: RulesLocator.directory(flag: options.rules,
                                                                                   configuration: configuration),
                                            configPath: options.config,
                                            secureCookies: secureCookies, now: try CommandContext.clock())
            do {
                try await runServer(serverConfig, logger: logger)
            } catch let error as ServerSetupError {
                Output.error(error.description)
                throw ExitCode(2)
            }
        }
    }
}
