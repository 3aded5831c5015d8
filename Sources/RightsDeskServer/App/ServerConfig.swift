import Foundation

/// Everything `buildApplication(_:)` needs: where to listen, which database and rules to use, and limits.
///
/// ```swift
/// let app = try await buildApplication(ServerConfig(databasePath: "rightsdesk.sqlite", rulesDirectory: "rules"))
/// try await app.runService()
/// ```
public struct ServerConfig: Sendable {
    /// Interface to bind (default loopback only).
    public var host: String
    public var port: Int
    /// The SQLite file shared with the CLI.
    public var databasePath: String
    /// The rules directory (`sla.yaml`, `calendar/`, `legal/`, packs).
    public var rulesDirectory: String
    /// `rightsdesk.yaml`, if any (module settings for scanning).
    public var configPath: String?
    /// Largest request body accepted, in bytes; larger bodies get 413.
    public var maxBodyBytes: Int
    /// Largest batch of postings `/api/v1/scan` accepts.
    public var maxScanBatch: Int
    /// How long a login session or bearer token lives.
    public var sessionLifetime: TimeInterval
    /// Seconds a session found valid is answered from memory before the database is asked again. Logging out,
    /// `passwd` and `disable` through this server take effect at once; the same changes made by another process
    /// (`rightsdesk users …` on the same file) within this time.
    public var sessionRecheck: TimeInterval
    /// Failed logins allowed per user name and per client address within `loginWindow` before 429.
    public var maxFailedLogins: Int
    public var loginWindow: TimeInterval
    /// Mark cookies `Secure` (set when served behind TLS).
    public var secureCookies: Bool
    /// Threads that run blocking database work.
    public var blockingThreads: Int
    /// bcrypt cost for new password hashes (tests lower it to keep fast).
    public var bcryptCost: UInt8
    /// The clock (tests and demos fix it).
    public var now: @Sendable () -> Date

    public init(host: String = "127.0.0.1", port: Int = 8080, databasePath: String = "rightsdesk.sqlite",
                rulesDirectory: String = "rules", configPath: String? = nil, maxBodyBytes: Int = 256 * 1024,
                maxScanBatch: Int = 500, sessionLifetime: TimeInterval = 12 * 3600, sessionRecheck: TimeInterval = 2,
                maxFailedLogins: Int = 5,
                loginWindow: TimeInterval = 300, secureCookies: Bool = false, blockingThreads: Int = 16, bcryptCost: UInt8 = 12,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.rulesDirectory = rulesDirectory
        self.configPath = configPath
        self.maxBodyBytes = maxBodyBytes
        self.maxScanBatch = maxScanBatch
        self.sessionLifetime = sessionLifetime
        self.sessionRecheck = sessionRecheck
        self.maxFailedLogins = maxFailedLogins
        self.loginWindow = loginWindow
        self.secureCookies = secureCookies
        self.blockingThreads = blockingThreads
        self.bcryptCost = bcryptCost
        self.now = now
    }
}
