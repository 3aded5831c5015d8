/// How an external module is doing, for `rightsdesk modules health` and the server's health endpoint.
public struct ExternalModuleHealth: Sendable, Hashable, Codable {
    /// The module id.
    public var module: String
    /// The version from the handshake.
    public var version: String
    /// `closed` (calls flow), `open` (calls refused) or `halfOpen` (one trial call allowed).
    public var breaker: String
    /// Worker processes running now.
    public var runningWorkers: Int
    /// The configured worker limit.
    public var maxWorkers: Int
    /// Calls made (evaluate and ping).
    public var calls: Int
    /// Calls that failed, refusals by the breaker included.
    public var failures: Int
    /// Failures since the last success.
    public var consecutiveFailures: Int
    /// Worker processes started after the first one (restarts and extra workers).
    public var restarts: Int
    /// The last failure's message, if any.
    public var lastFailure: String?

    /// Whether calls currently reach the module.
    public var isHealthy: Bool { breaker == "closed" }
}
