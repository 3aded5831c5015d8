/// Examples that document a rule and run as its tests.
///
/// A trigger example must make the rule hit; `⟦` and `⟧` mark the span the rule must report as evidence (optional for
/// rules without text evidence, such as meta rules). An ignore example must not make the rule hit.
public struct RuleExamples: Sendable, Hashable, Codable {
    /// Texts that must trigger the rule, with the expected span marked `⟦…⟧`.
    public var trigger: [String]
    /// Texts that must not trigger the rule.
    public var ignore: [String]

    /// Creates examples.
    public init(trigger: [String] = [], ignore: [String] = []) {
        self.trigger = trigger
        self.ignore = ignore
    }
}

/// What a module says about one of its rules, for `rules list/show` and the example verifier.
public struct RuleDescription: Sendable, Hashable, Codable {
    /// Stable, namespaced snake_case id, e.g. `fake_job.upfront_fee`.
    public var id: String
    /// Former ids of this rule (a rename keeps the old id as an alias).
    public var aliases: [String]
    /// Short name in Chinese and English.
    public var name: LocalizedText
    /// Severity of a hit.
    public var severity: Severity
    /// Points a hit adds.
    public var score: Int
    /// 1 = high precision … 3 = aggressive; a site runs levels up to its configured level.
    public var level: Int
    /// A sub-rule is never reported alone; meta rules combine it.
    public var subrule: Bool
    /// An incubator rule runs and reports but adds no score.
    public var incubator: Bool
    /// Whether the rule combines other rules instead of matching text.
    public var meta: Bool
    /// Legal references as free text.
    public var references: [String]
    /// Subject fields the rule reads; empty means all text fields.
    public var fields: [String]
    /// Examples that run as tests.
    public var examples: RuleExamples

    /// Creates a description.
    public init(
        id: String, aliases: [String] = [], name: LocalizedText, severity: Severity, score: Int, level: Int = 1,
        subrule: Bool = false, incubator: Bool = false, meta: Bool = false, references: [String] = [],
        fields: [String] = [], examples: RuleExamples
    ) {
        self.id = id
        self.aliases = aliases
        self.name = name
        self.severity = severity
        self.score = score
        self.level = level
        self.subrule = subrule
        self.incubator = incubator
        self.meta = meta
        self.references = references
        self.fields = fields
        self.examples = examples
    }

    /// Whether the rule adds points (scored rules need at least one trigger and one ignore example).
    public var isScored: Bool { !subrule && !incubator && score > 0 }
}
