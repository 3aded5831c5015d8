/// The overall judgement of a subject, from its total score.
public enum Verdict: String, Sendable, Codable, CaseIterable, Comparable {
    case clean, suspicious, likelyFraud

    private var rank: Int {
        switch self {
        case .clean: 0
        case .suspicious: 1
        case .likelyFraud: 2
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
}

/// Score thresholds: `suspicious` from `suspicious` points, `likelyFraud` from `likelyFraud` points.
public struct Thresholds: Sendable, Hashable, Codable {
    /// Lowest score that is `suspicious` (default 4).
    public var suspicious: Int
    /// Lowest score that is `likelyFraud` (default 8).
    public var likelyFraud: Int

    /// Creates thresholds; defaults 4 and 8.
    public init(suspicious: Int = 4, likelyFraud: Int = 8) {
        self.suspicious = suspicious
        self.likelyFraud = likelyFraud
    }

    /// The verdict for a total score.
    public func verdict(for score: Int) -> Verdict {
        if score >= likelyFraud { return .likelyFraud }
        if score >= suspicious { return .suspicious }
        return .clean
    }
}
