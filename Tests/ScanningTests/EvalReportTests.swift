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

@Suite("Scan table rows")
struct ScanTableTests {
    func finding(_ rule: String, score: Int, excerpt: String?) -> Finding {
        Finding(
            module: "m", rule: rule, severity: score > 0 ? .medium : .info, score: score,
            message: LocalizedText(zh: "x", en: "x"),
            evidence: excerpt.map { [Evidence(field: "description", start: 0, end: $0.utf8.count, excerpt: $0)] } ?? [])
    }

    func row(_ findings: [Finding]) -> String {
        let score = findings.reduce(0) { $0 + $1.score }
        let evaluation = Evaluation(findings: findings, score: score, verdict: score >= 4 ? .suspicious : .clean, failures: [])
        let subject = Subject(kind: .jobPosting, id: "p1", fields: [])
        return ScanTable.row(ScanOutcome(line: 1, id: "p1", evaluation: evaluation, extras: [:], subject: subject), language: "zh")
    }

    @Test("the learned model shows only when it adds points, with the points; rules show as before")
    func learnedScore() {
        let quiet = row([finding("learned.score", score: 0, excerpt: nil), finding("fake_job.fee", score: 4, excerpt: "押金")])
        #expect(!quiet.contains("learned.score"))
        #expect(quiet.hasSuffix("fake_job.fee «押金»"))
        let loud = row([finding("learned.score", score: 4, excerpt: "日结")])
        #expect(loud.hasSuffix("learned.score +4 «日结»"))
    }
}
