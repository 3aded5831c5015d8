/// What a rule module may ask about an entity's history; the case engine's evaluation context implements it over
/// the entity index.
///
/// A module receives RuleKit's `EvaluationContext` and asks `context as? any EntityHistory`; without history
/// (scans without a database, tests) the history-based flags stay silent. Implementations are read-only, fast
/// (indexed queries) and safe to call from many threads.
public protocol EntityHistory: Sendable {
    /// Distinct cases (not as complainant, merged duplicates excluded) naming `entity` in the last `days` days.
    func complaintCount(_ entity: Entity, withinDays days: Int) -> Int
    /// Distinct normalised company names seen in the same cases or postings as the contact `entity`.
    func companies(sharing entity: Entity) -> [String]
    /// The reason an entity is on the watchlist, nil when it is not.
    func watchReason(_ entity: Entity) -> String?
    /// How many flags rule modules recorded on `entity` before.
    func flagCount(_ entity: Entity) -> Int
}
