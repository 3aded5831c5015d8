import RuleKit

/// Writes scan results as JSON Lines with a fixed key order (a contract for scripts; see docs/cli.md).
///
/// Posting keys: `id`, `verdict`, `score`, `findings`, then `errors` only when a module failed. Finding keys:
/// `rule`, `severity`, `score`, `incubator`, `message`, `field`, `start`, `end`, `excerpt` (the first evidence;
/// `field`/`start`/`end`/`excerpt` are null for a finding without evidence).
public enum ScanJSON {
    /// One JSON object (no trailing newline) for an outcome, messages in `language` (`zh` or `en`).
    public static func line(_ outcome: ScanOutcome, language: String) -> String {
        var out = "{\"id\":"
        appendString(outcome.id, to: &out)
        out += ",\"verdict\":\"\(outcome.evaluation.verdict.rawValue)\",\"score\":\(outcome.evaluation.score),\"findings\":["
        for (index, finding) in outcome.evaluation.findings.enumerated() {
            if index > 0 { out += "," }
            appendFinding(finding, language: language, to: &out)
        }
        out += "]"
        if !outcome.evaluation.failures.isEmpty {
            out += ",\"errors\":["
            for (index, failure) in outcome.evaluation.failures.enumerated() {
                if index > 0 { out += "," }
                out += "{\"module\":"
                appendString(failure.module, to: &out)
                out += ",\"message\":"
                appendString(failure.message, to: &out)
                out += "}"
            }
            out += "]"
        }
        out += "}"
        return out
    }

    private static func appendFinding(_ finding: Finding, language: String, to out: inout String) {
        out += "{\"rule\":"
        appendString(finding.rule, to: &out)
        out += ",\"severity\":\"\(finding.severity.rawValue)\",\"score\":\(finding.score),\"incubator\":\(finding.incubator)"
        out += ",\"message\":"
        appendString(finding.message.text(in: language), to: &out)
        if let evidence = finding.evidence.first {
            out += ",\"field\":"
            appendString(evidence.field, to: &out)
            out += ",\"start\":\(evidence.start),\"end\":\(evidence.end),\"excerpt\":"
            appendString(evidence.excerpt, to: &out)
        } else {
            out += ",\"field\":null,\"start\":null,\"end\":null,\"excerpt\":null"
        }
        out += "}"
    }

    /// Appends `text` as a JSON string literal.
    public static func appendString(_ text: String, to out: inout String) {
        out += "\""
        // Most texts need no escape: append them whole instead of scalar by scalar.
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
