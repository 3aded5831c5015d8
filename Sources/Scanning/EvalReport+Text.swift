import Foundation

extension EvalReport {
    /// A readable report for a terminal.
    public var text: String {
        var lines = ["labelled postings: \(labelled) (positive \(positives)); skipped without label: \(skipped)"]
        for (name, matrix) in [("verdict ≥ suspicious", suspicious), ("verdict ≥ likelyFraud", likelyFraud)] {
            lines.append("")
            lines.append(name + String(
                format: ": precision %.3f  recall %.3f  F1 %.3f  false-positive rate %.4f",
                matrix.precision, matrix.recall, matrix.f1, matrix.falsePositiveRate))
            lines.append("                 actual+   actual-")
            lines.append(String(format: "  predicted+  %8d  %8d", matrix.truePositives, matrix.falsePositives))
            lines.append(String(format: "  predicted-  %8d  %8d", matrix.falseNegatives, matrix.trueNegatives))
        }
        lines.append("")
        lines.append("rule                                          hits  on positives  precision")
        for rule in rules.sorted(by: { $0.rule < $1.rule }) {
            let name = rule.rule.padding(toLength: max(44, rule.rule.count), withPad: " ", startingAt: 0)
            lines.append(name + String(format: "  %4d  %12d  %9.3f", rule.hits, rule.hitsOnPositives, rule.precision))
        }
        return lines.joined(separator: "\n")
    }
}

extension EvalReport.Confusion {
    enum CodingKeys: String, CodingKey {
        case truePositives, falsePositives, trueNegatives, falseNegatives, precision, recall, f1, falsePositiveRate
    }

    /// Encodes the counts and the derived figures.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(truePositives, forKey: .truePositives)
        try container.encode(falsePositives, forKey: .falsePositives)
        try container.encode(trueNegatives, forKey: .trueNegatives)
        try container.encode(falseNegatives, forKey: .falseNegatives)
        try container.encode(precision, forKey: .precision)
        try container.encode(recall, forKey: .recall)
        try container.encode(f1, forKey: .f1)
        try container.encode(falsePositiveRate, forKey: .falsePositiveRate)
    }
}

extension EvalReport.RuleFigures {
    enum CodingKeys: String, CodingKey { case rule, hits, hitsOnPositives, precision }

    /// Encodes the counts and the precision.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(hits, forKey: .hits)
        try container.encode(hitsOnPositives, forKey: .hitsOnPositives)
        try container.encode(precision, forKey: .precision)
    }
}
