import CaseEngine
import CaseStore
import Foundation
import Hummingbird
import Logging
import PluginHost
import RuleKit

/// Builds the whole server — engine, legal desk, scan registry, accounts and every route — ready to run or test.
///
/// ```swift
/// let app = try await buildApplication(ServerConfig(port: 8080))
/// try await app.runService()
/// ```
/// - Throws: `ServerSetupError` naming what could not be loaded (database, rules, configuration).
public func buildApplication(_ config: ServerConfig,
                             logger: Logger = Logger(label: "rightsdesk.server")) async throws -> some ApplicationProtocol {
    let server = try ServerApp.make(config, logger: logger)
    return server.application()
}

/// Why the server could not start.
public struct ServerSetupError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension ServerApp {
    /// Opens the store and accounts and builds the registry and the legal desk.
    public static func make(_ config: ServerConfig, logger: Logger) throws -> ServerApp {
        let store: CaseStore
        let settings: CaseEngineSettings
        do {
            store = try CaseStore(path: config.databasePath, logger: logger)
            settings = try CaseEngineSettings.load(rulesDirectory: config.rulesDirectory)
        } catch let error as StoreError {
            throw ServerSetupError(description: error.message(.en))
        } catch let error as EngineError {
            throw ServerSetupError(description: error.message(.en))
        }
        let service = CaseService(store: store, settings: settings, logger: logger, now: config.now)
        let legal: LegalDesk
        do { legal = try LegalDesk(service: service, rulesDirectory: config.rulesDirectory) } catch {
            throw ServerSetupError(description: error.message(.en))
        }
        let registries: RegistryHolder
        do {
            let configPath = config.configPath
            let rulesDirectory = config.rulesDirectory
            // First start: an external module that cannot start is reported per request rather than keeping the
            // server down; a reload is strict, so a broken edit keeps the running registry.
            // The learned model `rightsdesk.yaml` names scores API scans as it scores `rightsdesk scan`. A refused
            // model file leaves the first start on the rules alone (logged); a reload with one is refused.
            let build: @Sendable (Bool) throws -> ModuleRegistry = { degraded in
                var rdConfig = try ConfigLoader.load(path: configPath)
                rdConfig.rulesDirectory = rulesDirectory
                var builtIns = BuiltInModules.all
                do {
                    builtIns = try BuiltInModules.configured(rdConfig)
                } catch {
                    guard degraded else { throw error }
                    logger.warning("learned model not used, scanning with rules only: \(error)")
                }
                return try RegistryFactory.build(config: rdConfig, builtIns: builtIns,
                                                 degradedExternalModules: degraded)
            }
            registries = RegistryHolder(registry: try build(true)) { try build(false) }
        } catch {
            throw ServerSetupError(description: "rules: \(error)")
        }
        let accounts: AccountStore
        do { accounts = try AccountStore(path: store.path, bcryptCost: config.bcryptCost,
                                                   sessionRecheck: config.sessionRecheck) } catch {
            throw ServerSetupError(description: error.description)
        }
        return ServerApp(config: config, service: service, legal: legal, registries: registries, accounts: accounts,
                         logger: logger)
    }

    /// The router with every route of `routes`, each run through `dispatch`.
    func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        for route in routes {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                await self.dispatch(route, request, context)
            }
        }
        return router
    }

    /// The Hummingbird application on `config.host:config.port`.
    public func application() -> some ApplicationProtocol {
        Application(router: router(),
                    configuration: .init(address: .hostname(config.host, port: config.port), serverName: "RightsDesk"),
                    logger: logger)
    }

    /// Creates an `admin` account with a random password when there are no users yet; returns the password.
    public func bootstrapAdmin() throws -> String? {
        guard try accounts.users().isEmpty else { return nil }
        let password = AccountStore.randomPassword()
        try accounts.add("admin", role: .admin, password: password, at: config.now())
        return password
    }
}
