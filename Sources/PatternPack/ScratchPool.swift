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

    private let set: PatternSet
    private let free = Mutex<[PatternSet.Scratch]>([])

    init(set: PatternSet) {
        self.set = set
    }

    /// Runs `body` with a scratch no other caller holds, and keeps the scratch for the next caller.
    func withScratch<T, E: Error>(_ body: (PatternSet.Scratch) throws(E) -> T) throws(E) -> T {
        let scratch = free.withLock { $0.popLast() } ?? set.makeScratch()
        defer {
            free.withLock { pool in
                if pool.count < Self.capacity { pool.append(scratch) }
            }
        }
        return try body(scratch)
    }
}
