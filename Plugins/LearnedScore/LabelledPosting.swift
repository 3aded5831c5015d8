import RuleKit

/// A posting with its label and the score the rules gave it (0 when rules were not run).
public struct LabelledPosting: Sendable {
    /// The posting.
    public var subject: Subject
    /// `true` when labelled fraudulent.
    public var label: Bool
    /// The rules' score for the posting.
    public var ruleScore: Int

    /// Creates a labelled posting.
    public init(subject: Subject, label: Bool, ruleScore: Int = 0) {
        self.subject = subject
        self.label = label
        self.ruleScore = ruleScore
    }

    /// The employer key used with ``BandFolds/descriptionAndCompany``: the normalised company name, or ``groupKey``
    /// when the posting names none (it then joins others by its text only) — a name without letters or digits
    /// ("-", "***") counts as none.
    public var companyKey: UInt64 { nameKey ?? groupKey }

    /// Whether the posting names a company: its company field holds a letter or a digit.
    public var hasCompany: Bool { nameKey != nil }

    /// The key of the company name, nil when it has no letter or digit.
    private var nameKey: UInt64? {
        let key = GroupFolds.key(subject.text(of: "company") ?? "")
        return key == GroupFolds.key("") ? nil : key
    }

    /// The duplicate key used by group folds: the normalised description, or all text when it is empty.
    public var groupKey: UInt64 {
        let description = subject.text(of: "description") ?? ""
        if !description.isEmpty { return GroupFolds.key(description) }
        return GroupFolds.key(subject.fields.map(\.text).joined(separator: "\n"))
    }
}
