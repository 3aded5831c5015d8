import Foundation
import RuleKit
import Yams

/// One external module declared under `modules:` in `rightsdesk.yaml`.
///
/// ```yaml
/// modules:
///   - id: registry_check
///     command: python3                       # a path, or a name looked up in PATH
///     args: [Plugins/Examples/python-registry-check/module.py]
///     subjects: [jobPosting]                 # optional; default: what the module's handshake declares
///     timeoutMs: 2000                        # per call
///     startTimeoutMs: 10000                  # start-up until the handshake
///     maxConcurrent: 2                       # worker processes
///     maxOutputBytes: 1048576                # longest response line accepted
///     memoryLimitMB: 512                     # optional address-space limit per worker (prlimit --as)
///     env: {REGISTRY_CSV: data/registry.csv}
/// ```
/// Restart and circuit-breaker tuning (`restartBackoffMs`, `maxRestartBackoffMs`, `breakerThreshold`,
/// `breakerCooldownMs`) is optional; the defaults suit production.
public struct ExternalModuleSpec: Sendable, Hashable {
    /// The module id; the module's handshake must announce the same id.
    public var id: String
    /// The executable: an absolute path, a path relative to the configuration file, or a name found in `PATH`.
    public var command: String
    /// Arguments passed to the executable.
    public var args: [String]
    /// Subject kinds to send; nil means every kind the handshake declares.
    public var subjects: Set<SubjectKind>?
    /// Time allowed for one call, in milliseconds.
    public var timeoutMs: Int
    /// Time allowed for a worker to start and print its handshake, in milliseconds.
    public var startTimeoutMs: Int
    /// Worker processes, hence requests in flight at once.
    public var maxConcurrent: Int
    /// Longest response line accepted, in bytes; a longer one is cut off and counts as a failure.
    public var maxOutputBytes: Int
    /// Extra environment variables (on top of PATH, HOME, LANG, LC_ALL and TMPDIR from RightsDesk's environment).
    public var env: [String: String]
    /// First wait before restarting a crashed worker; doubles per consecutive crash.
    public var restartBackoffMs: Int
    /// Longest wait between restarts.
    public var maxRestartBackoffMs: Int
    /// Consecutive failures that open the circuit breaker.
    public var breakerThreshold: Int
    /// How long an open breaker refuses calls before it lets one trial call through.
    public var breakerCooldownMs: Int
    /// Address-space limit of each worker in MiB (applied with util-linux `prlimit --as`); nil means none.
    public var memoryLimitMB: Int?
    /// The working directory of the module process; from a file it defaults to the file's directory, else nil
    /// (RightsDesk's own).
    public var workingDirectory: String?

    /// Creates a declaration with production defaults.
    public init(
        id: String, command: String, args: [String] = [], subjects: Set<SubjectKind>? = nil, timeoutMs: Int = 2000,
        maxConcurrent: Int = 2, maxOutputBytes: Int = 1 << 20, env: [String: String] = [:],
        restartBackoffMs: Int = 200, maxRestartBackoffMs: Int = 30_000, breakerThreshold: Int = 5,
        breakerCooldownMs: Int = 30_000, workingDirectory: String? = nil, startTimeoutMs: Int = 10_000,
        memoryLimitMB: Int? = nil
    ) {
        self.memoryLimitMB = memoryLimitMB
        self.startTimeoutMs = startTimeoutMs
        self.id = id
        self.command = command
        self.args = args
        self.subjects = subjects
        self.timeoutMs = timeoutMs
        self.maxConcurrent = maxConcurrent
        self.maxOutputBytes = maxOutputBytes
        self.env = env
        self.restartBackoffMs = restartBackoffMs
        self.maxRestartBackoffMs = maxRestartBackoffMs
        self.breakerThreshold = breakerThreshold
        self.breakerCooldownMs = breakerCooldownMs
        self.workingDirectory = workingDirectory
    }
}

// MARK: - Reading the `modules:` section

extension ExternalModuleSpec {
    static let keys: Set<String> = [
        "id", "command", "args", "subjects", "timeoutMs", "startTimeoutMs", "maxConcurrent", "maxOutputBytes", "env",
        "restartBackoffMs", "maxRestartBackoffMs", "breakerThreshold", "breakerCooldownMs", "workingDirectory", "memoryLimitMB",
    ]

    /// Reads the `modules:` list; ids must be unique snake_case.
    static func parseList(_ node: Node, reader: ConfigReader) throws(ConfigError) -> [ExternalModuleSpec] {
        guard let sequence = node.sequence else { throw reader.error(at: node, "modules must be a list") }
        var specs: [ExternalModuleSpec] = []
        for item in sequence {
            let spec = try parse(item, reader: reader)
            if specs.contains(where: { $0.id == spec.id }) {
                throw reader.error(at: item, "module id '\(spec.id)' is declared twice")
            }
            specs.append(spec)
        }
        return specs
    }

    static func parse(_ node: Node, reader: ConfigReader) throws(ConfigError) -> ExternalModuleSpec {
        let entries = try reader.mapping(node, allowed: keys, what: "a module")
        guard let id = try reader.string(entries["id"]), id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil
        else { throw reader.error(at: entries["id"] ?? node, "a module needs an id in snake_case") }
        guard let command = try reader.string(entries["command"]), !command.isEmpty else {
            throw reader.error(at: entries["command"] ?? node, "module \(id) needs a command")
        }
        var spec = ExternalModuleSpec(id: id, command: command, args: try reader.strings(entries["args"]) ?? [])
        if let subjects = entries["subjects"] {
            var kinds: Set<SubjectKind> = []
            for name in try reader.strings(subjects) ?? [] {
                guard let kind = SubjectKind(rawValue: name) else {
                    throw reader.error(at: subjects, "unknown subject '\(name)' (known: jobPosting, caseIntake, caseUpdate)")
                }
                kinds.insert(kind)
            }
            spec.subjects = kinds
        }
        spec.timeoutMs = try reader.int(entries["timeoutMs"], in: 10...600_000) ?? spec.timeoutMs
        spec.startTimeoutMs = try reader.int(entries["startTimeoutMs"], in: 10...600_000) ?? spec.startTimeoutMs
        spec.maxConcurrent = try reader.int(entries["maxConcurrent"], in: 1...64) ?? spec.maxConcurrent
        spec.maxOutputBytes = try reader.int(entries["maxOutputBytes"], in: 1024...(64 << 20)) ?? spec.maxOutputBytes
        spec.restartBackoffMs = try reader.int(entries["restartBackoffMs"], in: 0...600_000) ?? spec.restartBackoffMs
        spec.maxRestartBackoffMs = try reader.int(entries["maxRestartBackoffMs"], in: 0...3_600_000)
            ?? spec.maxRestartBackoffMs
        spec.breakerThreshold = try reader.int(entries["breakerThreshold"], in: 1...1000) ?? spec.breakerThreshold
        spec.breakerCooldownMs = try reader.int(entries["breakerCooldownMs"], in: 0...3_600_000) ?? spec.breakerCooldownMs
        spec.workingDirectory = try reader.string(entries["workingDirectory"])
        spec.memoryLimitMB = try reader.int(entries["memoryLimitMB"], in: 16...1_048_576)
        if let env = entries["env"] {
            guard let mapping = env.mapping else { throw reader.error(at: env, "env must be a mapping") }
            for (key, value) in mapping {
                guard let name = key.string, let text = value.scalar?.string else {
                    throw reader.error(at: key, "env entries must be NAME: text")
                }
                spec.env[name] = text
            }
        }
        return spec
    }

    /// Resolves a relative command path (one containing `/`) and working directory against `base` (the
    /// configuration file's directory), which is also the default working directory, so relative `args` work.
    mutating func resolvePaths(against base: String) {
        guard !base.isEmpty else { return }
        if command.contains("/"), !command.hasPrefix("/") {
            command = (base as NSString).appendingPathComponent(command)
        }
        if let directory = workingDirectory {
            if !directory.hasPrefix("/") { workingDirectory = (base as NSString).appendingPathComponent(directory) }
        } else {
            workingDirectory = base
        }
    }
}
