import CaseCore

/// Site settings for legal referral (`rules/legal/site.yaml`): the local monthly minimum wage and warning thresholds.
///
/// Every site sets its own minimum wage; the value decides the final-award (一裁终局) threshold of 12 months.
public struct LegalSite: Codable, Sendable, Equatable {
    /// Site name as shown on the referral sheet.
    public var name: String
    /// The local monthly minimum wage (最低月工资标准).
    public var minimumMonthlyWage: Fen
    /// Whether the site has checked the figure against its source (`minimumWageVerified: true`). Until then every
    /// final-award note says the figure is unverified: the shipped value is a placeholder.
    public var minimumWageVerified: Bool
    /// A clock with this many calendar days or fewer left shows a warning.
    public var warningDays: Int
    /// A clock with this many calendar days or fewer left is urgent.
    public var urgentDays: Int

    /// Creates site settings.
    public init(name: String = "", minimumMonthlyWage: Fen, minimumWageVerified: Bool = false,
                warningDays: Int = 30, urgentDays: Int = 7) {
        self.name = name
        self.minimumMonthlyWage = minimumMonthlyWage
        self.minimumWageVerified = minimumWageVerified
        self.warningDays = warningDays
        self.urgentDays = urgentDays
    }

    /// 12 × the monthly minimum wage: claims up to this amount get a final award (劳动争议调解仲裁法 47).
    public var finalAwardThreshold: Fen { Fen(minimumMonthlyWage.value * 12) }
}
