import CaseCore
import RuleKit

/// Everything the legal desk needs for one case: routes, the final-award check and whether to raise the priority.
public struct LegalAdvice: Codable, Sendable, Equatable {
    /// Routes in the order of routes.yaml.
    public var routes: [Route]
    /// The final-award (一裁终局) check when an arbitration route fired.
    public var finalAward: FinalAwardCheck?
    /// True when a worker's clock is at the warning or urgent level: the case should become urgent.
    public var raisePriority: Bool
    /// Warnings about near deadlines (zh, en).
    public var warnings: [LocalizedText]

    /// Creates advice.
    public init(routes: [Route], finalAward: FinalAwardCheck? = nil, raisePriority: Bool = false,
                warnings: [LocalizedText] = []) {
        self.routes = routes
        self.finalAward = finalAward
        self.raisePriority = raisePriority
        self.warnings = warnings
    }

    /// The clock with the fewest days left across all routes that has not passed.
    public var nearestClock: LegalClock? {
        routes.compactMap(\.nearestClock).min { ($0.daysLeft ?? 0) < ($1.daysLeft ?? 0) }
    }
}

/// Whether the amount claimed is within 12 × the local monthly minimum wage (劳动争议调解仲裁法 47).
public struct FinalAwardCheck: Codable, Sendable, Equatable {
    /// The amount claimed, when recorded.
    public var amount: Fen?
    /// 12 × the site's monthly minimum wage.
    public var threshold: Fen
    /// nil when the amount is unknown.
    public var eligible: Bool?
    /// Whether the site marked its minimum wage as checked against its source (`minimumWageVerified` in
    /// `site.yaml`); when false the note says the threshold rests on an unverified figure.
    public var wageVerified: Bool

    /// Checks `amount` against `threshold` (≤ is eligible).
    public init(amount: Fen?, threshold: Fen, wageVerified: Bool) {
        self.amount = amount
        self.threshold = threshold
        self.eligible = amount.map { $0 <= threshold }
        self.wageVerified = wageVerified
    }

    /// The explanation (zh, en), with the caveat when the site's minimum wage is unverified.
    public var note: LocalizedText {
        let text = if let amount, let eligible {
            LegalText.finalAward(eligible: eligible, amount: amount, threshold: threshold)
        } else {
            LegalText.finalAwardUnknownAmount
        }
        guard !wageVerified else { return text }
        return LocalizedText(zh: text.zh + LegalText.wageUnverified.zh, en: text.en + LegalText.wageUnverified.en)
    }
}
