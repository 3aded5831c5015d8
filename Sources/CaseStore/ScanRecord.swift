import Foundation

/// One recorded verdict of `rightsdesk scan --record` for a job posting.
public struct ScanRecord: Codable, Sendable, Equatable {
    /// The posting's id in its source (site or feed).
    public var postingId: String
    public var scannedAt: Date
    /// `clean`, `suspicious` or `likelyFraud`.
    public var verdict: String
    public var score: Int
    /// The scanner's JSON line for the posting (`id`, `verdict`, `score`, `findings`), as `scan --json` prints it.
    public var findingsJSON: String
    /// Where the posting came from (feed or file name), if known.
    public var source: String?

    public init(postingId: String, scannedAt: Date, verdict: String, score: Int, findingsJSON: String,
                source: String? = nil) {
        self.postingId = postingId
        self.scannedAt = scannedAt
        self.verdict = verdict
        self.score = score
        self.findingsJSON = findingsJSON
        self.source = source
    }
}
