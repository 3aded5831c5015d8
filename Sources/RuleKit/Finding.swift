/// One reason a module gives about a subject: which rule, how bad, why, and where.
public struct Finding: Sendable, Hashable, Codable {
    /// The module id.
    public var module: String
    /// The rule id (stable, namespaced snake_case).
    public var rule: String
    /// Severity of the rule.
    public var severity: Severity
    /// Points this finding adds to the subject's score (ignored when `incubator`).
    public var score: Int
    /// The message in Chinese and English.
    public var message: LocalizedText
    /// Where the rule matched; may be empty for rules without text evidence.
    public var evidence: [Evidence]
    /// Actions the module suggests.
    public var actions: [SuggestedAction]
    /// Legal references (law and article) as free text.
    public var references: [String]
    /// An incubator finding is reported but adds no score and never changes a verdict.
    public var incubator: Bool

    /// Creates a finding.
    public init(
        module: String, rule: String, severity: Severity, score: Int, message: LocalizedText,
        evidence: [Evidence] = [], actions: [SuggestedAction] = [], references: [String] = [], incubator: Bool = false
    ) {
        self.module = module
        self.rule = rule
        self.severity = severity
        self.score = score
        self.message = message
        self.evidence = evidence
        self.actions = actions
        self.references = references
        self.incubator = incubator
    }

    /// The points this finding counts for in the total (0 for incubator findings).
    public var effectiveScore: Int { incubator ? 0 : score }
}
