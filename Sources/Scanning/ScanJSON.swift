import RuleKit

/// Writes scan results as JSON Lines with a fixed key order (a contract for scripts; see docs/cli.md).
///
/// Posting keys: `id`, `verdict`, `score`, `findings`, then `errors` only when a module failed. Finding keys:
/// `rule`, `severity`, `score`, `incubator`, `message`, `field`, `start`, `end`, `excerpt` (the first evidence;
/// `field`/`start`/`end`/`excerpt` are null for a finding without evidence).
public enum ScanJSON {
    /// One JSON object (no trailing newline) for an outcome, messages in `language` (`zh` or `en`).
    public static func line(_ outcome: ScanOutcome, language: String) -> String {
        // Built as bytes: appending to a `String` piece by piece cost more than the rest of a clean posting's output.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128 + 384 * outcome.evaluation.findings.count)
        append(outcome, language: language, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the bytes of ``line(_:language:)`` (no newline) to `bytes`: for a writer that keeps its own output
    /// buffer, with no `String` made and checked per posting.
    public static func append(_ outcome: ScanOutcome, language: String, to bytes: inout [UInt8]) {
        var out = LineBuffer(continuing: bytes)
        bytes = []  // the buffer's one owner is `out` while it grows
        write(outcome, language: language, to: &out)
        bytes = out.bytes
    }

    private static func write(_ outcome: ScanOutcome, language: String, to out: inout LineBuffer) {
        out.raw("{\"id\":")
        out.string(outcome.id)
        out.raw(",\"verdict\":\"")
        out.raw(outcome.evaluation.verdict.rawValue)
        out.raw("\",\"score\":")
        out.int(outcome.evaluation.score)
        out.raw(",\"findings\":[")
        for (index, finding) in outcome.evaluation.findings.enumerated() {
            if index > 0 { out.raw(",") }
            appendFinding(finding, language: language, to: &out)
        }
        out.raw("]")
        out.errors(outcome.evaluation.failures)
        out.raw("}")
    }

    /// Appends `,"errors":[{"module":…,"message":…},…]` when a module failed, nothing otherwise — the one writer of
    /// that key, for the CLI's lines and the server's scan results alike.
    public static func appendErrors(_ failures: [ModuleFailure], to out: inout String) {
        guard !failures.isEmpty else { return }
        var buffer = LineBuffer(capacity: 64 * failures.count)
        buffer.errors(failures)
        out += String(decoding: buffer.bytes, as: UTF8.self)
    }

    private static func appendFinding(_ finding: Finding, language: String, to out: inout LineBuffer) {
        out.raw("{\"rule\":")
        out.string(finding.rule)
        out.raw(",\"severity\":\"")
        out.raw(finding.severity.rawValue)
        out.raw("\",\"score\":")
        out.int(finding.score)
        out.raw(finding.incubator ? ",\"incubator\":true" : ",\"incubator\":false")
        out.raw(",\"message\":")
        out.string(finding.message.text(in: language))
        if let evidence = finding.evidence.first {
            out.raw(",\"field\":")
            out.string(evidence.field)
            out.raw(",\"start\":")
            out.int(evidence.start)
            out.raw(",\"end\":")
            out.int(evidence.end)
            out.raw(",\"excerpt\":")
            out.string(evidence.excerpt)
        } else {
            out.raw(",\"field\":null,\"start\":null,\"end\":null,\"excerpt\":null")
        }
        out.raw("}")
    }

    /// A line of JSON under construction, as UTF-8 bytes.
    struct LineBuffer {
        private(set) var bytes: [UInt8] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        /// A line appended after `bytes`.
        init(continuing bytes: [UInt8]) { self.bytes = bytes }

        /// Appends `text` as it is (JSON syntax, or a value known to need no escape).
        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        /// Appends `text` as it is (a value known to need no escape, such as a verdict's raw value).
        mutating func raw(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        /// Appends `,"errors":[…]` for module failures (nothing when there are none).
        mutating func errors(_ failures: [ModuleFailure]) {
            guard !failures.isEmpty else { return }
            raw(",\"errors\":[")
            for (index, failure) in failures.enumerated() {
                if index > 0 { raw(",") }
                raw("{\"module\":")
                string(failure.module)
                raw(",\"message\":")
                string(failure.message)
                raw("}")
            }
            raw("]")
        }

        /// Appends a decimal integer.
        mutating func int(_ value: Int) {
            bytes.append(contentsOf: String(value).utf8)
        }

        /// Appends `text` as a JSON string literal: `"` and `\` escaped, and control characters (`\n`, `\r`, `\t`,
        /// the others as `\u00XX`); every other byte as it is. The one escaping of scan results,
        /// also behind ``ScanJSON/appendString(_:to:)``.
        mutating func string(_ text: String) {
            bytes.append(0x22)
            defer { bytes.append(0x22) }
            // Most texts need no escape: appended whole, from their contiguous bytes when they have them.
            let whole = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
                guard !utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else { return false }
                bytes.append(contentsOf: utf8)
                return true
            }
            if whole == true { return }
            for byte in text.utf8 {
                switch byte {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                default: bytes.append(byte)
                }
            }
        }
    }

    /// Appends `text` as a JSON string literal (the same escaping as the scan's output lines: ``LineBuffer``).
    public static func appendString(_ text: String, to out: inout String) {
        var buffer = LineBuffer(capacity: text.utf8.count + 2)
        buffer.string(text)
        out += String(decoding: buffer.bytes, as: UTF8.self)
    }
}
