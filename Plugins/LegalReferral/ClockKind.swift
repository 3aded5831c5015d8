/// The clocks a route can show. All run in calendar days (自然日), not working days.
public enum ClockKind: String, CaseIterable, Codable, Sendable {
    /// Arbitration limitation: one year from the day the worker knew of the infringement (调解仲裁法 27).
    case arbitrationLimitation
    /// Wage arrears: not running during employment; one year after employment ends (调解仲裁法 27).
    case wageArbitrationLimitation
    /// Labour-inspection window: two years from the act, or from its end if continuing (劳动保障监察条例 20).
    case inspectionWindow
    /// Legal-aid decision due: seven days from the application (法律援助法 43, recalled).
    case legalAidDecision

    /// Whether the worker loses something when this clock runs out (these raise the case's priority).
    public var isWorkerDeadline: Bool {
        switch self {
        case .arbitrationLimitation, .wageArbitrationLimitation, .inspectionWindow: true
        case .legalAidDecision: false
        }
    }
}
