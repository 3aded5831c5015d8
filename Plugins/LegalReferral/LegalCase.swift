import CaseCore

/// What the legal advisor looks at: the case's kind, tags, facts and the rule ids other modules reported.
public struct LegalCase: Sendable, Equatable {
    /// Case kind raw value (`complaint`, `fraudReport`, `laborDispute`, `consultation`).
    public var kind: String
    public var tags: [String]
    public var facts: CaseFacts
    /// Rule ids of findings from other modules, e.g. `fake_job.fee.upfront_demand`.
    public var findings: [String]
    /// What the caller said; matched against routes' `narrative` phrases, never logged.
    public var narrative: String
    /// When the worker applied for legal aid; the advisor takes `today` when nil.
    public var legalAidAppliedOn: CalendarDay?

    /// Creates the advisor's input.
    public init(kind: String, tags: [String] = [], facts: CaseFacts = CaseFacts(), findings: [String] = [],
                narrative: String = "", legalAidAppliedOn: CalendarDay? = nil) {
        self.kind = kind
        self.tags = tags
        self.facts = facts
        self.findings = findings
        self.narrative = narrative
        self.legalAidAppliedOn = legalAidAppliedOn
    }
}
