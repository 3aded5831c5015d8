import PatternPack
import RuleKit

/// Settings from `rightsdesk.yaml` that the rule engine and the scanner use; every one has a default.
///
/// ```yaml
/// rules:
///   directory: rules          # where packs live, relative to the config file
///   level: 1                  # run rules of levels ≤ this (1 = high precision … 3 = aggressive)
///   disabledModules: []
///   disabledRules: [fake_job.some_rule]
/// thresholds: {suspicious: 4, likelyFraud: 8}
/// scan: {engine: prefilter, jobs: 0}   # jobs 0 = all cores
/// store: {path: rightsdesk.sqlite, numberPrefix: WC}
/// model: {path: models/site.rdmodel, enabled: true}   # learned scorer (see docs/adr/0010-learned-scorer.md)
/// ```
public struct RightsDeskConfig: Sendable, Hashable {
    /// The rules directory (absolute, or relative to the working directory).
    public var rulesDirectory: String = "rules"
    /// True when the file named `rules.directory` itself (rather than leaving the default).
    public var rulesDirectoryIsExplicit = false
    /// Highest rule level that runs.
    public var level: Int = 1
    /// Module ids switched off.
    public var disabledModules: Set<String> = []
    /// Rule ids or aliases switched off.
    public var disabledRules: Set<String> = []
    /// Verdict thresholds.
    public var thresholds = Thresholds()
    /// Matching engine for scans.
    public var engine: PackEngine = .prefilter
    /// Worker count for scans; 0 means one per core.
    public var jobs: Int = 0
    /// External modules declared under `modules:` (see ``ExternalModuleSpec``).
    public var externalModules: [ExternalModuleSpec] = []
    /// The case database (`store.path`, relative to the config file); nil = the command's default.
    public var databasePath: String?
    /// Prefix of case numbers (`WC` → `WC-2026-000123`).
    public var numberPrefix: String = "WC"
    /// The learned model file scans use by default (`model.path`; relative to the config file), nil for none.
    public var modelPath: String?
    /// Whether scans use the learned model at all (`model.enabled`, default true).
    public var modelEnabled: Bool = true
    /// The file the settings came from, nil for defaults.
    public var source: String?

    /// The defaults (no file).
    public init() {}

    /// The registry settings these values describe.
    public var moduleSettings: ModuleSettings {
        ModuleSettings(
            level: level, disabledModules: disabledModules, disabledRules: disabledRules, thresholds: thresholds)
    }
}
