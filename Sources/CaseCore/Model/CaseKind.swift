/// What a case is about: the four kinds a hotline logs.
public enum CaseKind: String, CaseIterable, Codable, Sendable {
    /// 投诉: a worker complains about an employer, intermediary or platform.
    case complaint
    /// 举报: a report of fraud or illegal conduct (fake postings, black intermediaries).
    case fraudReport
    /// 劳动争议: a labour dispute (wages, contract, dismissal).
    case laborDispute
    /// 咨询: a question answered by the hotline or the legal desk.
    case consultation
}

/// How a case reached RightsDesk.
public enum Channel: String, CaseIterable, Codable, Sendable {
    case hotline
    case walkIn
    case online
    /// Transferred from another office.
    case transfer
    /// Opened automatically, e.g. from a scan of job postings.
    case automatic
}

/// How urgently a case must be handled; selects the service time limit in `rules/sla.yaml`.
public enum Priority: String, CaseIterable, Codable, Sendable, Comparable {
    case normal
    case urgent

    public static func < (lhs: Priority, rhs: Priority) -> Bool {
        lhs == .normal && rhs == .urgent
    }
}
