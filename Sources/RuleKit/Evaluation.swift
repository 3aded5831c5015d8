/// A module that threw while evaluating a subject.
public struct ModuleFailure: Sendable, Hashable, Codable {
    /// The module id.
    public var module: String
    /// What went wrong (the error's description; never subject text).
    public var message: String

    /// Creates a failure note.
    public init(module: String, message: String) {
        self.module = module
        self.message = message
    }
}

/// The result of running a registry over one subject.
public struct Evaluation: Sendable, Hashable {
    /// Findings of all modules, in module order.
    public var findings: [Finding]
    /// Sum of the non-incubator findings' scores.
    public var score: Int
    /// The verdict for `score`.
    public var verdict: Verdict
    /// Modules that threw; their findings are missing, the others are complete.
    public var failures: [ModuleFailure]

    /// Creates an evaluation.
    public init(findings: [Finding], score: Int, verdict: Verdict, failures: [ModuleFailure]) {
        self.findings = findings
        self.score = score
        self.verdict = verdict
        self.failures = failures
    }
}
