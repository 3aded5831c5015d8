import CaseCore

/// One entry of a route's `when` list: every key that is set must hold.
///
/// Lists are "any of"; `findings` entries ending in `*` match rule ids by prefix (`fake_job.fee.*`).
public struct RouteCondition: Codable, Sendable, Equatable {
    public var kinds: [String]?
    public var tags: [String]?
    public var andTags: [String]?
    public var findings: [String]?
    /// The narrative contains one of these phrases, not negated just before (see ``NarrativeMatcher``).
    public var narrative: [String]?
    /// ... and also one of these.
    public var andNarrative: [String]?
    public var writtenContract: Bool?
    public var employed: Bool?
    public var workerCategories: [String]?
    public var amountAtLeast: Fen?
    public var workersAtLeast: Int?

    /// Creates a condition; nil keys are not checked.
    public init(kinds: [String]? = nil, tags: [String]? = nil, andTags: [String]? = nil, findings: [String]? = nil,
                narrative: [String]? = nil, andNarrative: [String]? = nil, writtenContract: Bool? = nil, employed: Bool? = nil, workerCategories: [String]? = nil,
                amountAtLeast: Fen? = nil, workersAtLeast: Int? = nil) {
        self.kinds = kinds
        self.tags = tags
        self.andTags = andTags
        self.findings = findings
        self.narrative = narrative
        self.andNarrative = andNarrative
        self.writtenContract = writtenContract
        self.employed = employed
        self.workerCategories = workerCategories
        self.amountAtLeast = amountAtLeast
        self.workersAtLeast = workersAtLeast
    }

    /// True when every set key holds for `legalCase`; an unknown fact never satisfies a key about it.
    public func holds(for legalCase: LegalCase) -> Bool {
        if let kinds, !kinds.contains(legalCase.kind) { return false }
        if let tags, !Self.anyTag(tags, in: legalCase.tags) { return false }
        if let andTags, !Self.anyTag(andTags, in: legalCase.tags) { return false }
        if let findings, !findings.contains(where: { Self.matches($0, any: legalCase.findings) }) { return false }
        if let narrative, !NarrativeMatcher.containsAny(narrative, in: legalCase.narrative) { return false }
        if let andNarrative, !NarrativeMatcher.containsAny(andNarrative, in: legalCase.narrative) { return false }
        if let writtenContract, legalCase.facts.hasWrittenContract != writtenContract { return false }
        if let employed, (legalCase.facts.employmentEnd == nil) != employed { return false }
        if let workerCategories {
            guard let category = legalCase.facts.workerCategory, workerCategories.contains(category) else { return false }
        }
        if let amountAtLeast {
            guard let amount = legalCase.facts.amountClaimed, amount >= amountAtLeast else { return false }
        }
        if let workersAtLeast {
            guard let workers = legalCase.facts.workersAffected, workers >= workersAtLeast else { return false }
        }
        return true
    }

    private static func anyTag(_ wanted: [String], in tags: [String]) -> Bool {
        wanted.contains { tags.contains($0) }
    }

    /// `pattern` equals one of `ids`, or ends in `*` and is a prefix of one.
    static func matches(_ pattern: String, any ids: [String]) -> Bool {
        if pattern.hasSuffix("*") {
            let prefix = String(pattern.dropLast())
            return ids.contains { $0.hasPrefix(prefix) }
        }
        return ids.contains(pattern)
    }
}
