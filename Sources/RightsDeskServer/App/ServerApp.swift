import CaseEngine
import CaseStore
import Foundation
import Logging
import NIOPosix
import PluginHost
import RuleKit

/// The server's shared state: the engine, the legal desk, the scan registry, accounts and the login throttle.
///
/// **Sendable.** Every property is immutable and Sendable (`CaseService`, `AccountStore` are thread-safe classes;
/// `LoginThrottle` is an actor; `RegistryHolder` guards its registry with a lock; `LegalDesk` is a value; `NIOThreadPool` is thread-safe).
public final class ServerApp: Sendable {
    public let config: ServerConfig
    public let service: CaseService
    public let legal: LegalDesk
    /// The rule modules; swapped atomically by a reload (SIGHUP or `POST /api/v1/admin/reload`).
    public let registries: RegistryHolder
    /// The registry a request uses: a snapshot taken once, so work in flight finishes on the registry it started with.
    public var registry: ModuleRegistry { registries.current }
    public let accounts: AccountStore
    let throttle: LoginThrottle
    let logger: Logger
    /// Threads for blocking SQLite work (writes wait for fsync); sized so readers are not starved by writers
    /// queued on SQLite's single writer.
    let blockingPool: NIOThreadPool

    init(config: ServerConfig, service: CaseService, legal: LegalDesk, registries: RegistryHolder,
         accounts: AccountStore, logger: Logger) {
        self.config = config
        self.service = service
        self.legal = legal
        self.registries = registries
        self.accounts = accounts
        self.throttle = LoginThrottle(limit: config.maxFailedLogins, window: config.loginWindow)
        self.logger = logger
        self.blockingPool = NIOThreadPool(numberOfThreads: config.blockingThreads)
        blockingPool.start()
    }

    deinit {
        blockingPool.shutdownGracefully { _ in }
    }

    /// The route table: every route the server serves, with the action it needs. `buildApplication` registers
    /// exactly these; tests walk them.
    public var routes: [ServerRoute] {
        apiRoutes + entityAPIRoutes + pageRoutes
    }
}
