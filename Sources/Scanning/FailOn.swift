import RuleKit

/// `--fail-on`: the verdict from which a scan exits with code 1.
public enum FailOn: String, Sendable, CaseIterable {
    case suspicious, likely

    /// The verdict it stands for.
    public var verdict: Verdict {
        switch self {
        case .suspicious: .suspicious
        case .likely: .likelyFraud
        }
    }

    /// The exit code of a finished scan: 1 when any posting reached the verdict, else 0.
    public static func exitCode(_ summary: ScanSummary, failOn: FailOn?) -> Int32 {
        guard let failOn else { return 0 }
        return summary.reached(failOn.verdict) ? 1 : 0
    }
}
