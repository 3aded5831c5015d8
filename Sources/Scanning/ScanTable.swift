import Foundation

/// One row of the terminal table of `rightsdesk scan`: id, verdict, score and the rules that hit.
public enum ScanTable {
    /// A row for an outcome.
    public static func row(_ outcome: ScanOutcome, language: String) -> String {
        let verdict = outcome.evaluation.verdict.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
        let score = String(outcome.evaluation.score).padding(toLength: 4, withPad: " ", startingAt: 0)
        let id = outcome.id.count > 20 ? String(outcome.id.prefix(19)) + "…" : outcome.id
        // The learned model reports on every posting; in this column it appears only when it adds points, with them.
        let reasons = outcome.evaluation.findings.compactMap { finding -> String? in
            let learned = finding.rule == "learned.score"
            if learned && finding.score == 0 { return nil }
            let name = learned ? "\(finding.rule) +\(finding.score)" : finding.rule
            return finding.evidence.first.map { "\(name) «\($0.excerpt)»" } ?? name
        }
        return id.padding(toLength: 21, withPad: " ", startingAt: 0) + verdict + score + reasons.joined(separator: "; ")
    }
}
