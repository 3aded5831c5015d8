import RuleKit
import Scanning

/// One scan result as JSON: `id`, `verdict`, `score`, and `findings` with rule, severity, score, message and every
/// evidence span (`field`, UTF-8 byte `start`/`end`, `excerpt`); then `errors` (`module`, `message`) only when a
/// module failed on the posting, as in `rightsdesk scan --json`, so a verdict reached without a module is never
/// mistaken for a whole one.
enum ScanResultJSON {
    static func render(id: String, evaluation: Evaluation, language: String) -> String {
        var out = "{\"id\":"
        ScanJSON.appendString(id, to: &out)
        out += ",\"verdict\":\"\(evaluation.verdict.rawValue)\",\"score\":\(evaluation.score),\"findings\":["
        for (index, finding) in evaluation.findings.enumerated() {
            if index > 0 { out += "," }
            out += "{\"rule\":"
            ScanJSON.appendString(finding.rule, to: &out)
            out += ",\"severity\":\"\(finding.severity.rawValue)\",\"score\":\(finding.score),\"incubator\":\(finding.incubator),\"message\":"
            ScanJSON.appendString(finding.message.text(in: language), to: &out)
            out += ",\"evidence\":["
            for (n, evidence) in finding.evidence.enumerated() {
                if n > 0 { out += "," }
                out += "{\"field\":"
                ScanJSON.appendString(evidence.field, to: &out)
                out += ",\"start\":\(evidence.start),\"end\":\(evidence.end),\"excerpt\":"
                ScanJSON.appendString(evidence.excerpt, to: &out)
                out += "}"
            }
            out += "]}"
        }
        out += "]"
        ScanJSON.appendErrors(evaluation.failures, to: &out)
        return out + "}"
    }
}
