import CaseStore
import EntityKit
import Foundation
import RuleKit

/// The read-only history rule modules see, backed by the case store's entity index.
///
/// Implements RuleKit's `EvaluationContext` (`entityCount`) and EntityKit's ``EntityHistory`` (windowed complaint
/// counts, companies behind a contact, watchlist). A store error reads as "no history" (0, empty, nil) and is
/// logged by the store: a failing lookup must never block an intake or a scan.
public struct StoreEntityContext: EvaluationContext, EntityHistory {
    public let store: CaseStore
    let now: @Sendable () -> Date

    /// Creates a context over `store`; windows end at `now()`.
    public init(store: CaseStore, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    public func entityCount(kind: String, value: String) -> Int {
        guard let kind = EntityKind(rawValue: kind) else { return 0 }
        return (try? store.entityCount(Entity(kind: kind, value: value))) ?? 0
    }

    public func complaintCount(_ entity: Entity, withinDays days: Int) -> Int {
        (try? store.windowCount(entity, days: days, now: now()).cases) ?? 0
    }

    public func companies(sharing entity: Entity) -> [String] {
        (try? store.companies(sharing: entity)) ?? []
    }

    public func flagCount(_ entity: Entity) -> Int {
        (try? store.flagCount(entity)) ?? 0
    }

    public func watchReason(_ entity: Entity) -> String? {
        (try? store.watchEntry(entity))??.reason
    }
}
