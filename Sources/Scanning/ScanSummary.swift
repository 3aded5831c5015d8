import Foundation

import RuleKit

/// Totals of a scan, printed on stderr and used for the exit code.
public struct ScanSummary: Sendable, Hashable {
    /// Postings evaluated.
    public var postings = 0
    /// Postings per verdict.
    public var verdicts: [Verdict: Int] = [:]
    /// Records skipped as malformed (bad JSON or CSV, invalid UTF-8, too long).
    public var malformed = 0
    /// Postings where some module failed.
    public var moduleFailures = 0
    /// Input bytes read.
    public var bytes = 0
    /// Wall-clock seconds.
    public var elapsed: Double = 0

    /// Creates empty totals.
    public init() {}

    /// Input megabytes (10^6 bytes) per wall-clock second.
    public var megabytesPerSecond: Double { elapsed > 0 ? Double(bytes) / 1e6 / elapsed : 0 }

    /// Whether any posting reached `verdict` or worse.
    public func reached(_ verdict: Verdict) -> Bool {
        verdicts.contains { $0.key >= verdict && $0.value > 0 }
    }

    /// One line for stderr.
    public var text: String {
        let counts = Verdict.allCases.map { "\($0.rawValue) \(verdicts[$0] ?? 0)" }.joined(separator: ", ")
        let speed = String(format: "%.1f MB in %.2f s, %.1f MB/s", Double(bytes) / 1e6, elapsed, megabytesPerSecond)
        var line = "scanned \(postings) postings (\(counts)); malformed \(malformed); \(speed)"
        if moduleFailures > 0 { line += "; module failures on \(moduleFailures) postings" }
        return line
    }
}
