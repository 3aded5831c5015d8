import Foundation
import RuleKit

/// Holds the ``RuleKit/ModuleRegistry`` a long-running process uses and swaps it atomically on reload.
///
/// Callers take a snapshot (`current`) at the start of a unit of work (a scan, a request) and use it to the end,
/// so in-flight work finishes on the registry it started with; a reload only changes what the next snapshot
/// returns. A reload that fails (a broken pack, an external module that does not start, a bad configuration)
/// keeps the old registry and returns every problem. The old registry's external modules stop when the last
/// snapshot holding them is released. SIGHUP (``reloadOnHangup(queue:report:)``) and an admin endpoint call
/// ``reload()``; nothing else.
///
/// ```swift
/// let holder = try RegistryHolder.fromConfig(path: "rightsdesk.yaml", builtIns: BuiltInModules.all)
/// let registry = holder.current              // snapshot for one request
/// switch holder.reload() {                   // on SIGHUP or POST /api/v1/admin/reload
/// case .swapped(let generation, _): print("now generation \(generation)")
/// case .kept(_, let problems): print(problems.joined(separator: "\n"))
/// }
/// ```
///
/// `@unchecked Sendable` is safe: `registry` and `generationNumber` are read and written only under `lock`;
/// `reloadLock` serialises reloads so two rebuilds never race to swap; `build` is an immutable `@Sendable` closure.
public final class RegistryHolder: @unchecked Sendable {
    /// Rebuilds a registry from the files; throws what is wrong.
    public typealias Builder = @Sendable () throws -> ModuleRegistry

    /// What a reload did.
    public enum ReloadOutcome: Sendable {
        /// The new registry is in place.
        case swapped(generation: Int, modules: Int)
        /// The old registry stays; the problems say why.
        case kept(generation: Int, problems: [String])

        /// Whether the registry was replaced.
        public var swapped: Bool {
            if case .swapped = self { return true }
            return false
        }
    }

    private let lock = NSLock()
    private let reloadLock = NSLock()
    private var registry: ModuleRegistry
    private var generationNumber = 1
    private let build: Builder

    /// Holds `registry` (generation 1); `build` makes the next one on reload.
    public init(registry: ModuleRegistry, build: @escaping Builder) {
        self.registry = registry
        self.build = build
    }

    /// Builds the first registry with `build` and holds it.
    ///
    /// - Throws: whatever `build` throws.
    public convenience init(build: @escaping Builder) throws {
        self.init(registry: try build(), build: build)
    }

    /// A holder that re-reads the configuration file and the rules on every reload.
    ///
    /// - Parameters:
    ///   - path: the configuration file (nil: `./rightsdesk.yaml` or the defaults).
    ///   - builtIns: the compiled-in modules.
    ///   - adjust: command-line overrides applied to each freshly read configuration.
    /// - Throws: ``ConfigError`` or ``HostError`` when the first build fails.
    public static func fromConfig(
        path: String?, builtIns: [BuiltInModuleFactory],
        adjust: @escaping @Sendable (inout RightsDeskConfig) -> Void = { _ in }
    ) throws -> RegistryHolder {
        try RegistryHolder {
            var config = try ConfigLoader.load(path: path)
            adjust(&config)
            return try RegistryFactory.build(config: config, builtIns: builtIns)
        }
    }

    /// The registry to use for one unit of work.
    public var current: ModuleRegistry {
        lock.lock()
        defer { lock.unlock() }
        return registry
    }

    /// How many registries this holder has held (1 before any successful reload).
    public var generation: Int {
        lock.lock()
        defer { lock.unlock() }
        return generationNumber
    }

    /// Rebuilds from the files and swaps atomically; on any problem keeps the old registry and says why.
    @discardableResult
    public func reload() -> ReloadOutcome {
        reloadLock.lock()
        defer { reloadLock.unlock() }
        let fresh: ModuleRegistry
        do {
            fresh = try build()
        } catch let error as HostError {
            return .kept(generation: generation, problems: error.packProblems.map(\.description) + error.messages)
        } catch {
            return .kept(generation: generation, problems: [String(describing: error)])
        }
        lock.lock()
        registry = fresh
        generationNumber += 1
        let outcome = ReloadOutcome.swapped(generation: generationNumber, modules: fresh.modules.count)
        lock.unlock()
        return outcome
    }
}
