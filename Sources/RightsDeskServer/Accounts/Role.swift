/// A user's role. What each role may do is `Permissions`; the table is `docs/security.md`.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// Hotline operator (热线坐席): intake, triage, dispatch, chase.
    case `operator`
    /// Legal service desk (法律服务角): referred cases, advice and outcome.
    case legal
    /// Supervisor (专班): everything on cases, plus close, reject, reopen, merge, and the dashboard.
    case supervisor
    /// Administrator: accounts and the dashboard; no case work and no personal data.
    case admin
}
