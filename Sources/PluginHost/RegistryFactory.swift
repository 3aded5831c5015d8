import Foundation
import PatternPack
import RuleKit

/// Builds the ``ModuleRegistry`` a process runs from configuration.
///
/// Order: the built-in modules (in the order given), then every directory under the rules directory, sorted by
/// name, whose YAML files declare `pack:` and that no built-in claims, then the external modules declared under
/// `modules:` (each started and handshaken; one that fails is a problem like a broken pack). Directories without a pack declaration
/// (calendars, SLA tables) are left alone. A built-in whose pack directory does not exist is not registered.
/// Every problem of every pack is collected before failing.
///
/// ```swift
/// let config = try ConfigLoader.load(path: nil)
/// let registry = try RegistryFactory.build(config: config, builtIns: BuiltInModules.all)
/// ```
public enum RegistryFactory {
    /// Builds the registry.
    ///
    /// - Parameters:
    ///   - config: settings (rules directory, level, disabled modules and rules, thresholds, engine).
    ///   - builtIns: compiled-in modules, e.g. ``BuiltInModules/all``.
    ///   - literalSample: typical texts to rank prefilter literals by rarity (speed only; findings are identical).
    /// - Throws: ``HostError`` listing every pack problem, failing built-in and duplicate id.
    /// With `degradedExternalModules` (a scan, a server's first start) an external module that cannot start becomes
    /// an ``UnavailableModule`` whose every evaluation reports "module X failed: could not start: …", so a broken
    /// module never stops the scan or the server; without it (reloads, `rules check`) it is a problem like a bad file.
    public static func build(
        config: RightsDeskConfig, builtIns: [BuiltInModuleFactory], literalSample: LiteralSample? = nil,
        degradedExternalModules: Bool = false
    ) throws(HostError) -> ModuleRegistry {
        var builder = RegistryBuilder(settings: config.moduleSettings)
        var collected = HostError()
        var modules: [any RuleModule] = []
        for factory in builtIns {
            if let directory = factory.packDirectory,
               !FileManager.default.fileExists(atPath: (config.rulesDirectory as NSString).appendingPathComponent(directory))
            {
                continue
            }
            do {
                modules.append(try factory.make(config.rulesDirectory, config.engine, literalSample))
            } catch let failure as PackLoadError {
                collected.packProblems += failure.problems
            } catch {
                collected.messages.append("built-in module \(factory.moduleID): \(error)")
            }
        }
        let claimed = Set(builtIns.compactMap(\.packDirectory))
        for directory in packDirectories(in: config.rulesDirectory) where !claimed.contains(directory.name) {
            do {
                modules.append(try PackLoader.load(
                    directory: directory.path, engine: config.engine, literalSample: literalSample))
            } catch {
                collected.packProblems += error.problems
            }
        }
        modules += startExternalModules(config.externalModules, degraded: degradedExternalModules,
                                        collecting: &collected)
        modules = wiringLiteralWatches(modules)
        for module in modules {
            do {
                try builder.register(module)
            } catch {
                collected.messages.append(String(describing: error))
            }
        }
        guard collected.packProblems.isEmpty && collected.messages.isEmpty else { throw collected }
        return builder.build()
    }

    /// `modules` with each module that can skip work on another's pass (``LiteralWatchRequesting``, e.g.
    /// `black_intermediary`'s probe) served by the nearest earlier module that makes such a pass anyway
    /// (``LiteralWatching``, e.g. `fake_job`): the registry evaluates modules in this order, so that pass has
    /// recorded its answer when the later module asks (ADR 0020). A watching module serves one request; findings
    /// are the same with or without the wiring.
    static func wiringLiteralWatches(_ modules: [any RuleModule]) -> [any RuleModule] {
        var modules = modules
        var serving = Set<Int>()
        for index in modules.indices {
            guard let requester = modules[index] as? any LiteralWatchRequesting,
                  let watch = requester.literalWatch,
                  let watcher = modules[..<index].indices.last(where: {
                      !serving.contains($0) && modules[$0] is any LiteralWatching
                  }),
                  let watching = modules[watcher] as? any LiteralWatching
            else { continue }
            modules[watcher] = watching.watching(watch)
            serving.insert(watcher)
        }
        return modules
    }

    /// Sub-directories of `rules` holding a YAML file that starts a line with `pack:`, sorted by name.
    public static func packDirectories(in rules: String) -> [(name: String, path: String)] {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: rules)) ?? []).sorted()
        return names.compactMap { name in
            let path = (rules as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            return declaresPack(path) ? (name, path) : nil
        }
    }

    static func declaresPack(_ directory: String) -> Bool {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.contains { name in
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"),
                  let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name)),
                  let text = String(data: data, encoding: .utf8)
            else { return false }
            return text.split(separator: "\n").contains { $0.hasPrefix("pack:") }
        }
    }
}
