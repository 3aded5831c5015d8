/// What a rule module is asked to judge.
///
/// A module lists the kinds it evaluates in ``RuleModule/subjects``; the registry only hands it those.
public enum SubjectKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// A job posting from a platform feed or a scan file.
    case jobPosting
    /// A case as an operator logs it (before it is stored).
    case caseIntake
    /// A change to an existing case.
    case caseUpdate
}
