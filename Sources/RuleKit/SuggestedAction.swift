/// Something a finding suggests the case system do; performed (or not) by the engine, never by the module.
public enum SuggestedAction: Sendable, Hashable, Codable {
    /// Flag an entity (phone, WeChat id, company …) as suspicious.
    case flagEntity(kind: String, value: String)
    /// Refer to an outside authority with the legal basis and a deadline in days.
    case refer(authority: String, basis: String, deadlineDays: Int?)
    /// Open a case of the given kind.
    case openCase(kind: String)
    /// Link the cases that share this finding.
    case linkCases
}
