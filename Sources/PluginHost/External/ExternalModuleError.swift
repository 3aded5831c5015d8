/// Why a call to an external module failed; its description reads "module ID failed: why".
///
/// The registry records it in ``RuleKit/Evaluation/failures``; the other modules' findings are kept.
public struct ExternalModuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it was (for tests, health and metrics).
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The executable could not be started, or exited before its handshake.
        case startFailed
        /// The handshake was malformed or did not match the declaration.
        case badHandshake
        /// The module speaks a protocol version this host does not.
        case unknownProtocol
        /// The module did not answer in time; the worker process was killed.
        case timeout
        /// The worker process exited or closed its output during a call.
        case crashed
        /// A response line exceeded `maxOutputBytes`; the worker process was killed.
        case oversized
        /// A response was not the JSON object the protocol describes.
        case malformed
        /// A finding broke the rules (unknown rule, byte range outside the field or not on a UTF-8 boundary …).
        case invalidFinding
        /// The module answered with an error response.
        case moduleError
        /// The circuit breaker is open: the module failed too often and is not being called.
        case circuitOpen
        /// A crashed worker is waiting out its restart backoff.
        case restarting
        /// Every worker stayed busy for the whole timeout.
        case busy
        /// The host was shut down.
        case shutDown
    }

    /// The module id.
    public var module: String
    /// What kind of failure.
    public var kind: Kind
    /// Why, in words (never subject text).
    public var reason: String

    /// Creates an error.
    public init(module: String, kind: Kind, reason: String) {
        self.module = module
        self.kind = kind
        self.reason = reason
    }

    /// "module ID failed: why".
    public var description: String { "module \(module) failed: \(reason)" }

    /// Whether the worker process must be killed and restarted (its stream can no longer be trusted).
    var killsWorker: Bool {
        switch kind {
        case .timeout, .crashed, .oversized, .malformed, .unknownProtocol, .startFailed, .badHandshake: true
        case .invalidFinding, .moduleError, .circuitOpen, .restarting, .busy, .shutDown: false
        }
    }

    /// Whether the failure counts against the module in the circuit breaker (refusals by the host itself do not).
    var countsAsModuleFailure: Bool {
        switch kind {
        case .circuitOpen, .restarting, .busy, .shutDown: false
        default: true
        }
    }
}
