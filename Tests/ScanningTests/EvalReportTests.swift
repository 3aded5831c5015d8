import RuleKit
import Scanning
import Testing

@Suite("Evaluation report")
struct EvalReportTests {
    func evaluation(_ verdict: Verdict, rules: [String]) -> Evaluation {
        let findings = rules.map {
            Finding(module: "m", rule: $0, severity: .high, score: 4, message: LocalizedText(zh: "", en: ""))
        }
        return Evaluation(findings: findings, score: 0, verdict: verdict, failures: [])
    }

    @Test("precision, recall and per-rule figures; unlabelled postings are skipped and counted")
    func figures() {
        var report = EvalReport()
        report.add(evaluation(.likelyFraud, rules: ["r1"]), label: "1")
        report.add(evaluation(.suspicious, rules: ["r1", "r2"]), label: "0")
        report.add(evaluation(.clean, rules: []), label: "true")
        report.add(evaluation(.clean, rules: []), label: "false")
        report.add(evaluation(.suspicious, rules: ["r2"]), label: nil)
        #expect(report.labelled == 4 && report.skipped == 1 && report.positives == 2)
        #expect(report.suspicious.truePositives == 1 && report.suspicious.falsePositives == 1)
        #expect(report.suspicious.precision == 0.5 && report.suspicious.recall == 0.5)
        #expect(report.likelyFraud.precision == 1 && report.likelyFraud.recall == 0.5)
        #expect(report.rules.first { $0.rule == "r1" }?.precision == 0.5)
        #expect(report.rules.first { $0.rule == "r2" }?.hits == 1)
    }
}
