/// The false-positive budget the probability bands are chosen for.
public struct ThresholdTargets: Sendable, Hashable, Codable {
    /// Largest share of honest postings allowed to reach `likelyFraud` (rules and model combined) on held-out folds.
    public var likelyFraudFPR: Double

    /// Creates targets; the default allows 1 %.
    public init(likelyFraudFPR: Double = 0.01) {
        self.likelyFraudFPR = likelyFraudFPR
    }
}
