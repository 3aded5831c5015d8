import Foundation
import PatternPack
import RuleKit
import Yams

/// Reads ``RightsDeskConfig`` from YAML; unknown keys are errors with file:line.
///
/// Top-level sections other parts of RightsDesk own (`store`, `server`, `modules`, `logging`) are accepted here and
/// read by their owners.
public enum ConfigLoader {
    static let reservedSections: Set<String> = ["server", "modules", "logging"]

    /// Loads `path`, or the defaults when `path` is nil and `./rightsdesk.yaml` does not exist.
    ///
    /// A relative `rules.directory` is resolved against the config file's directory.
    /// - Throws: ``ConfigError`` for an unreadable file, bad YAML, an unknown key or a bad value.
    public static func load(path: String?) throws(ConfigError) -> RightsDeskConfig {
        let chosen = path ?? (FileManager.default.fileExists(atPath: "rightsdesk.yaml") ? "rightsdesk.yaml" : nil)
        guard let chosen else { return RightsDeskConfig() }
        guard let data = FileManager.default.contents(atPath: chosen), let text = String(data: data, encoding: .utf8)
        else { throw ConfigError(file: chosen, message: "cannot read the configuration file") }
        var config = try parse(text, file: chosen)
        let base = (chosen as NSString).deletingLastPathComponent
        if !config.rulesDirectory.hasPrefix("/"), !base.isEmpty {
            config.rulesDirectory = (base as NSString).appendingPathComponent(config.rulesDirectory)
        }
        if let db = config.databasePath, !db.hasPrefix("/"), !base.isEmpty {
            config.databasePath = (base as NSString).appendingPathComponent(db)
        }
        if let model = config.modelPath, !model.hasPrefix("/") {
            let base = (chosen as NSString).deletingLastPathComponent
            if !base.isEmpty { config.modelPath = (base as NSString).appendingPathComponent(model) }
        }
        for index in config.externalModules.indices { config.externalModules[index].resolvePaths(against: base) }
        return config
    }

    /// Parses configuration text (`file` names it in errors).
    public static func parse(_ text: String, file: String) throws(ConfigError) -> RightsDeskConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let problem = PackProblem.yaml(error, file: file)
            throw ConfigError(file: file, line: problem.line, column: problem.column, message: problem.message)
        }
        var config = RightsDeskConfig()
        config.source = file
        guard let root else { return config }
        let reader = ConfigReader(file: file)
        let top = try reader.mapping(root, allowed: Set(["rules", "thresholds", "scan", "store", "model"]).union(reservedSections),
                                     what: "the file")
        if let store = top["store"] {
            let entries = try reader.mapping(store, allowed: ["path", "numberPrefix"], what: "store")
            config.databasePath = try reader.string(entries["path"])
            if let node = entries["numberPrefix"] {
                let prefix = try reader.string(node) ?? ""
                guard prefix.range(of: "^[A-Z][A-Z0-9]{0,7}$", options: .regularExpression) != nil else {
                    throw reader.error(at: node, "store.numberPrefix must be 1–8 upper-case letters or digits, starting with a letter")
                }
                config.numberPrefix = prefix
            }
        }
        if let rules = top["rules"] {
            let entries = try reader.mapping(rules, allowed: ["directory", "level", "disabledModules", "disabledRules"], what: "rules")
            if let directory = try reader.string(entries["directory"]) {
                config.rulesDirectory = directory
                config.rulesDirectoryIsExplicit = true
            }
            config.level = try reader.int(entries["level"], in: 1...3) ?? config.level
            config.disabledModules = Set(try reader.strings(entries["disabledModules"]) ?? [])
            config.disabledRules = Set(try reader.strings(entries["disabledRules"]) ?? [])
        }
        if let thresholds = top["thresholds"] {
            let entries = try reader.mapping(thresholds, allowed: ["suspicious", "likelyFraud"], what: "thresholds")
            config.thresholds.suspicious = try reader.int(entries["suspicious"], in: 0...10_000) ?? 4
            config.thresholds.likelyFraud = try reader.int(entries["likelyFraud"], in: 0...10_000) ?? 8
            if config.thresholds.likelyFraud < config.thresholds.suspicious {
                throw reader.error(at: thresholds, "likelyFraud must not be below suspicious")
            }
        }
        if let model = top["model"] {
            let entries = try reader.mapping(model, allowed: ["path", "enabled"], what: "model")
            config.modelPath = try reader.string(entries["path"])
            if let node = entries["enabled"] {
                guard let enabled = node.scalar.flatMap({ Bool($0.string) }) else { throw reader.error(at: node, "model.enabled must be true or false") }
                config.modelEnabled = enabled
            }
        }
        if let scan = top["scan"] {
            let entries = try reader.mapping(scan, allowed: ["engine", "jobs"], what: "scan")
            if let node = entries["engine"] {
                guard let engine = PackEngine(rawValue: try reader.string(node) ?? "") else {
                    throw reader.error(at: node, "scan.engine must be naive or prefilter")
                }
                config.engine = engine
            }
            config.jobs = try reader.int(entries["jobs"], in: 0...1024) ?? 0
        }
        if let modules = top["modules"] { config.externalModules = try ExternalModuleSpec.parseList(modules, reader: reader) }
        return config
    }
}
