import RuleKit

/// A decoded input record: the subject to evaluate plus extra input values asked for (such as a label).
public struct Posting: Sendable {
    /// The input line where the record starts.
    public var line: Int
    /// The job posting subject.
    public var subject: Subject
    /// Values of the extra fields asked for, as text (nil when missing or null).
    public var extras: [String: String]
}
