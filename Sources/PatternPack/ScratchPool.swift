import PCRE2
import Synchronization

/// Reusable pattern-set scratches for one ``PatternPackModule``, so that evaluating a subject does not allocate a
/// new scratch (PCRE2 match data and the prefilter's per-pattern tables) every time.
///
/// A scan evaluates one subject per call on many threads at once: each call takes a scratch from the pool (or makes
/// one when the pool is empty) and gives it back when done, so no scratch is ever used by two threads at once. The
/// pool keeps at most ``capacity`` scratches; more concurrent callers simply make their own.
///
/// ```swift
/// let pool = ScratchPool(set: patternSet)
/// let matches = try pool.withScratch { try patternSet.scan(bytes, scratch: $0) }
/// ```
final class ScratchPool: Sendable {
    /// Scratches kept for reuse at most (more than the cores of any machine that runs a scan).
    static let capacity = 64

    /// A scratch held by the pool. `@unchecked Sendable` only here: a scratch is mutable and unsynchronised, and
    /// the pool hands each one to a single caller at a time (taken and given back under the mutex), so no scratch
    /// is ever used from two threads at once. The scratch type itself stays non-`Sendable` for everyone else.
    private struct Held: @unchecked Sendable {
        let scratch: PatternSet.Scratch
    }

    private let set: PatternSet
    private let free = Mutex<[Held]>([])

    init(set: PatternSet) {
        self.set = set
    }

    /// Runs `body` with a scratch no other caller holds, and keeps the scratch for the next caller.
    func withScratch<T, E: Error>(_ body: (PatternSet.Scratch) throws(E) -> T) throws(E) -> T {
        let held = free.withLock { $0.popLast() } ?? Held(scratch: set.makeScratch())
        defer {
            free.withLock { pool in
                if pool.count < Self.capacity { pool.append(held) }
            }
        }
        return try body(held.scratch)
    }
}
