/// The false-positive budget the probability bands are chosen for.
public struct ThresholdTargets: Sendable, Hashable, Codable {
    /// Largest share of honest postings allowed to reach `likelyFraud` (rules and model combined) on held-out folds.
    public var likelyFraudFPR: Double
    /// Largest share of honest postings allowed at `suspicious` or above, when given; nil (the default): the
    /// `suspicious` band is the one with the best F1 on held-out folds. The best-F1 band depends on the share of
    /// fraudulent postings in the training data, so a site whose labelled data is richer in fraud than its stream
    /// of postings should set this.
    public var suspiciousFPR: Double?

    /// Creates targets; the default allows 1 % at `likelyFraud` and chooses `suspicious` by F1.
    public init(likelyFraudFPR: Double = 0.01, suspiciousFPR: Double? = nil) {
        self.likelyFraudFPR = likelyFraudFPR
        self.suspiciousFPR = suspiciousFPR
    }
}
