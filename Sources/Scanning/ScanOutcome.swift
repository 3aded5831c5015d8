import RuleKit

/// The result of evaluating one posting.
public struct ScanOutcome: Sendable {
    /// The input line where the posting starts.
    public var line: Int
    /// The posting id (`#LINE` when the input had none).
    public var id: String
    /// Findings, score, verdict and module failures.
    public var evaluation: Evaluation
    /// Extra input values asked for by the decoder (e.g. the label).
    public var extras: [String: String]
    /// The posting as judged (its text fields), for callers that keep more than the verdict (`scan --record`).
    public var subject: Subject

    public init(line: Int, id: String, evaluation: Evaluation, extras: [String: String], subject: Subject) {
        self.line = line
        self.id = id
        self.evaluation = evaluation
        self.extras = extras
        self.subject = subject
    }
}
