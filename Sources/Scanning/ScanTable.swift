import Foundation

/// One row of the terminal table of `rightsdesk scan`: id, verdict, score and the rules that hit.
public enum ScanTable {
    /// A row for an outcome.
    public static func row(_ outcome: ScanOutcome, language: String) -> String {
        let verdict = outcome.evaluation.verdict.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
        let score = String(outcome.evaluation.score).padding(toLength: 4, withPad: " ", startingAt: 0)
        let id = outcome.id.count > 20 ? String(outcome.id.prefix(19)) + "…" : outcome.id
        let reasons = outcome.evaluation.findings.map { finding in
            finding.evidence.first.map { "\(finding.rule) «\($0.excerpt)»" } ?? finding.rule
        }
        return id.padding(toLength: 21, withPad: " ", startingAt: 0) + verdict + score + reasons.joined(separator: "; ")
    }
}
