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
}
