import Foundation
import RuleKit

/// Quality figures of a rule set on labelled postings (`rightsdesk rules eval`).
///
/// Positive means verdict ≥ `suspicious` (and, separately, ≥ `likelyFraud`). A label is truthy when it is `1`,
/// `true` or `"1"`, falsy when `0`, `false` or `"0"`; a missing or null label skips the posting and counts it.
public struct EvalReport: Sendable, Encodable, Hashable {
    /// A 2×2 confusion matrix with its derived figures.
    public struct Confusion: Sendable, Encodable, Hashable {
        public var truePositives = 0
        public var falsePositives = 0
        public var trueNegatives = 0
        public var falseNegatives = 0

        mutating func add(predicted: Bool, actual: Bool) {
            switch (predicted, actual) {
            case (true, true): truePositives += 1
            case (true, false): falsePositives += 1
            case (false, false): trueNegatives += 1
            case (false, true): falseNegatives += 1
            }
        }

        /// TP / (TP + FP); 0 when nothing was predicted positive.
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        /// TP / (TP + FN).
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        /// Harmonic mean of precision and recall.
        public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
        /// Share of actual negatives predicted positive.
        public var falsePositiveRate: Double { ratio(falsePositives, falsePositives + trueNegatives) }

        private func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }
    }

    /// Hits of one rule and how many of them were on positive postings.
    public struct RuleFigures: Sendable, Encodable, Hashable {
        public var rule: String
        public var hits = 0
        public var hitsOnPositives = 0
        /// hitsOnPositives / hits.
        public var precision: Double { hits > 0 ? Double(hitsOnPositives) / Double(hits) : 0 }
    }

    /// Labelled postings evaluated.
    public var labelled = 0
    /// Labelled positive postings.
    public var positives = 0
    /// Postings skipped for a missing or unreadable label.
    public var skipped = 0
    /// Verdict ≥ suspicious counts as positive.
    public var suspicious = Confusion()
    /// Verdict ≥ likelyFraud counts as positive.
    public var likelyFraud = Confusion()
    /// Per rule, sorted by id.
    public var rules: [RuleFigures] = []

    private var ruleIndex: [String: Int] = [:]

    /// Creates an empty report.
    public init() {}

    /// The label value as a truth value: `1`, `true`, `1.0`, `yes` are fraudulent, `0`, `false`, `0.0`, `no` honest
    /// (any case, spaces around ignored); nil when missing or not one of these.
    public static func truth(of label: String?) -> Bool? {
        switch label?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "1", "true", "1.0", "yes": true
        case "0", "false", "0.0", "no": false
        default: nil
        }
    }

    /// Counts one outcome with its label.
    public mutating func add(_ evaluation: Evaluation, label: String?) {
        guard let actual = Self.truth(of: label) else {
            skipped += 1
            return
        }
        labelled += 1
        if actual { positives += 1 }
        suspicious.add(predicted: evaluation.verdict >= .suspicious, actual: actual)
        likelyFraud.add(predicted: evaluation.verdict >= .likelyFraud, actual: actual)
        for rule in Set(evaluation.findings.map(\.rule)) {
            let index = ruleIndex[rule] ?? {
                rules.append(RuleFigures(rule: rule))
                ruleIndex[rule] = rules.count - 1
                return rules.count - 1
            }()
            rules[index].hits += 1
            if actual { rules[index].hitsOnPositives += 1 }
        }
    }

    enum CodingKeys: String, CodingKey {
        case labelled, positives, skipped, suspicious, likelyFraud, rules
    }
}
