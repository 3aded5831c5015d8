import RuleKit

/// How the model's probability becomes points beside the rules' score — the one place the combination is defined.
///
/// - `p < suspicious`: 0 points.
/// - `suspicious ≤ p < likelyFraud`: `thresholds.suspicious` points — the model alone makes a posting `suspicious`,
///   and together with rules worth at least `likelyFraud − suspicious` points it reaches `likelyFraud`.
/// - `p ≥ likelyFraud`: `thresholds.likelyFraud` points — the model alone reaches `likelyFraud`; this band's
///   probability is chosen on held-out folds so that at most a target share of honest postings reach it.
///
/// Points are never negative, so the combined verdict is never below the rules' verdict: every posting the rules
/// catch stays caught. A band value above 1 switches that band off.
///
/// ```swift
/// let bands = ScoreBands(suspicious: 0.3, likelyFraud: 0.8)
/// bands.verdict(ruleScore: 4, probability: 0.5, thresholds: Thresholds())   // .likelyFraud (4 + 4 points)
/// ```
public struct ScoreBands: Sendable, Hashable, Codable {
    /// Probability from which the model adds the `suspicious` threshold's points.
    public var suspicious: Double
    /// Probability from which the model adds the `likelyFraud` threshold's points.
    public var likelyFraud: Double

    /// A band value that no probability reaches.
    public static let off = 2.0

    /// Creates bands; `likelyFraud` is raised to `suspicious` when below it.
    public init(suspicious: Double, likelyFraud: Double) {
        self.suspicious = suspicious
        self.likelyFraud = max(likelyFraud, suspicious)
    }

    /// Bands that never add points.
    public static let silent = ScoreBands(suspicious: off, likelyFraud: off)

    /// The points the model adds for a probability.
    public func points(for probability: Double, thresholds: Thresholds) -> Int {
        if probability >= likelyFraud { return thresholds.likelyFraud }
        if probability >= suspicious { return thresholds.suspicious }
        return 0
    }

    /// Rule score plus model points.
    public func combinedScore(ruleScore: Int, probability: Double, thresholds: Thresholds) -> Int {
        ruleScore + points(for: probability, thresholds: thresholds)
    }

    /// The verdict of the combined score.
    public func verdict(ruleScore: Int, probability: Double, thresholds: Thresholds) -> Verdict {
        thresholds.verdict(for: combinedScore(ruleScore: ruleScore, probability: probability, thresholds: thresholds))
    }
}
