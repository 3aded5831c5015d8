import Foundation
import Scanning

/// Writes lines to stderr, and tells whether a stream is a terminal.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var isTerminal: Bool { isatty(2) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
}

extension StandardError {
    /// Rewrites the progress line on a terminal; nil clears it.
    static func writeProgress(_ summary: ScanSummary?) {
        guard let summary else {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            return
        }
        let text = String(format: "\r\u{1B}[K%d postings, %.1f MB, %.1f MB/s", summary.postings, Double(summary.bytes) / 1e6, summary.megabytesPerSecond)
        FileHandle.standardError.write(Data(text.utf8))
    }
}
