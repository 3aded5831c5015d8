import RuleKit

/// Chooses ``ScoreBands`` from held-out (out-of-fold) probabilities by a target false-positive rate.
///
/// Candidate probabilities are quantiles of all held-out probabilities plus those of the fraudulent postings, and
/// "off". Every pair (suspicious ≤ likelyFraud) is scored with the real combination (``ScoreBands``, rule scores
/// included). Among the pairs whose share of honest postings at `likelyFraud` stays within the target — and, when
/// ``ThresholdTargets/suspiciousFPR`` is set, whose share at `suspicious` or above stays within that one (or, for
/// either, within the rules' own share when the rules alone exceed it) — the chooser keeps the best F1 at verdict
/// ≥ `suspicious`, then the best F1 at `likelyFraud`, then the higher (more conservative) bands.
public enum ThresholdChooser {
    /// The chosen bands.
    ///
    /// - Parameters:
    ///   - probabilities: held-out probability of each posting.
    ///   - labels: each posting's label.
    ///   - ruleScores: each posting's rule score (0 when rules are not run).
    ///   - thresholds: the verdict thresholds the points refer to.
    ///   - targets: the false-positive budget.
    public static func choose(
        probabilities: [Double], labels: [Bool], ruleScores: [Int], thresholds: Thresholds, targets: ThresholdTargets
    ) -> ScoreBands {
        let candidates = candidateValues(probabilities: probabilities, labels: labels)
        let rulesOnly = evaluate(ScoreBands.silent, probabilities, labels, ruleScores, thresholds)
        let budget = max(targets.likelyFraudFPR, rulesOnly.likely.falsePositiveRate)
        let suspiciousBudget = targets.suspiciousFPR.map { max($0, rulesOnly.suspicious.falsePositiveRate) }
        var best = ScoreBands.silent
        var bestKey = (rulesOnly.suspicious.f1, rulesOnly.likely.f1)
        for (i, low) in candidates.enumerated() {
            for high in candidates[i...] {
                let bands = ScoreBands(suspicious: low, likelyFraud: high)
                let result = evaluate(bands, probabilities, labels, ruleScores, thresholds)
                guard result.likely.falsePositiveRate <= budget + 1e-12,
                      result.suspicious.falsePositiveRate <= (suspiciousBudget ?? 1) + 1e-12 else { continue }
                let key = (result.suspicious.f1, result.likely.f1)
                if key.0 > bestKey.0 + 1e-12 || (abs(key.0 - bestKey.0) <= 1e-12 && key.1 > bestKey.1 + 1e-12) {
                    best = bands
                    bestKey = key
                }
            }
        }
        return best
    }

    /// Confusion matrices at ≥ suspicious and ≥ likelyFraud for some bands.
    static func evaluate(
        _ bands: ScoreBands, _ probabilities: [Double], _ labels: [Bool], _ ruleScores: [Int], _ thresholds: Thresholds
    ) -> (suspicious: Confusion, likely: Confusion) {
        var suspicious = Confusion()
        var likely = Confusion()
        for index in probabilities.indices {
            let verdict = bands.verdict(
                ruleScore: ruleScores[index], probability: probabilities[index], thresholds: thresholds)
            suspicious.add(predicted: verdict >= .suspicious, actual: labels[index])
            likely.add(predicted: verdict >= .likelyFraud, actual: labels[index])
        }
        return (suspicious, likely)
    }

    /// Up to 64 quantiles of all probabilities, up to 64 of the fraudulent ones, and ``ScoreBands/off``; ascending.
    static func candidateValues(probabilities: [Double], labels: [Bool]) -> [Double] {
        func quantiles(_ values: [Double], _ count: Int) -> [Double] {
            let sorted = values.sorted()
            guard sorted.count > count else { return sorted }
            return (0..<count).map { sorted[$0 * (sorted.count - 1) / (count - 1)] }
        }
        let positives = zip(probabilities, labels).filter(\.1).map(\.0)
        let values = Set(quantiles(probabilities, 64) + quantiles(positives, 64) + [ScoreBands.off])
        return values.sorted()
    }
}
