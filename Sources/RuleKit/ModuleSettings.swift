/// Which modules and rules run, and up to which level; taken from configuration.
public struct ModuleSettings: Sendable, Hashable {
    /// Rules with a level above this do not run (1 = high precision … 3 = aggressive).
    public var level: Int
    /// Module ids that are switched off.
    public var disabledModules: Set<String>
    /// Rule ids (or aliases) that are switched off.
    public var disabledRules: Set<String>
    /// Score thresholds for verdicts.
    public var thresholds: Thresholds

    /// Creates settings; the defaults run level 1 with everything enabled.
    public init(
        level: Int = 1, disabledModules: Set<String> = [], disabledRules: Set<String> = [],
        thresholds: Thresholds = Thresholds()
    ) {
        self.level = level
        self.disabledModules = disabledModules
        self.disabledRules = disabledRules
        self.thresholds = thresholds
    }

    /// Whether a rule of this description may report under these settings.
    public func allows(_ rule: RuleDescription) -> Bool {
        rule.level <= level && !disabledRules.contains(rule.id)
            && !rule.aliases.contains { disabledRules.contains($0) }
    }
}
