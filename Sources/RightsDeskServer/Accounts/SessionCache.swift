import Foundation
import Synchronization

/// Live sessions the server has already looked up, so an authenticated request does not query SQLite each time.
///
/// Keyed by token digest. An entry answers only for its own kind (cookie or bearer), only before the session's
/// expiry, and only for `revalidateAfter` (monotonic time) after it was read from the database; after that the
/// next request reads the database again. Changes made through this process's `AccountStore` (log out, new
/// password, disabling a user) remove the affected entries at once; changes made by another process on the same
/// file (`rightsdesk users passwd|disable`) are seen within `revalidateAfter`.
///
/// A lookup that read the database while an invalidation ran must not put the old session back: every removal
/// bumps `generation`, and `store` keeps an entry only if no removal happened since its lookup began.
///
/// **Sendable.** The state lives in a `Mutex`.
final class SessionCache: Sendable {
    struct Entry: Sendable {
        var username: String
        var role: Role
        var kind: String
        var csrf: String
        var expiresAt: Double
        var checkedAt: ContinuousClock.Instant
    }

    let revalidateAfter: Duration
    let capacity: Int
    private struct State {
        var entries: [String: Entry] = [:]
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())

    init(revalidateAfter: Duration = .seconds(2), capacity: Int = 10_000) {
        self.revalidateAfter = revalidateAfter
        self.capacity = capacity
    }

    /// The cached principal for `digest`, or nil when there is no usable entry (then ask the database).
    func principal(digest: String, kind: String, via: Principal.Via, now: Date) -> Principal? {
        let clock = ContinuousClock.now
        return state.withLock { state -> Principal? in
            guard let entry = state.entries[digest] else { return nil }
            guard entry.kind == kind, entry.expiresAt > now.timeIntervalSince1970,
                  clock - entry.checkedAt < revalidateAfter else {
                state.entries[digest] = nil
                return nil
            }
            return Principal(username: entry.username, role: entry.role, via: via, csrf: entry.csrf)
        }
    }

    /// The count of removals so far; read it before a database lookup and pass it to `store`.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// Remembers a session read from the database, unless a removal happened since `ifGeneration` was read.
    func store(digest: String, _ entry: Entry, ifGeneration generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[digest] = entry
        }
    }

    /// Forgets one session (log out).
    func remove(digest: String) {
        state.withLock { state in
            state.generation &+= 1
            state.entries[digest] = nil
        }
    }

    /// Forgets every session of `username` (new password, disabled).
    func remove(username: String) {
        state.withLock { state in
            state.generation &+= 1
            state.entries = state.entries.filter { $0.value.username != username }
        }
    }
}
