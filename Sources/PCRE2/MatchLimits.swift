import CPCRE2

/// Bounds on the work one match attempt may do, so that no pattern can hang the scanner.
///
/// Hitting a bound is reported as ``MatchError/limitExceeded(_:pattern:)``, never as "no match".
/// The JIT honours `matchLimit` only; `depthLimit` and `heapLimitBytes` bound the interpreter, which is used when
/// the JIT is unavailable. The JIT has its own fixed machine stack; exhausting it is reported as a limit too.
///
/// ```swift
/// let tight = MatchLimits(matchLimit: 10_000)
/// let p = try Pattern("(a+)+$", limits: tight)
/// ```
public struct MatchLimits: Sendable, Hashable {
    /// Maximum number of internal match steps (calls of PCRE2's `match()` / JIT equivalent) per attempt.
    public var matchLimit: UInt32
    /// Maximum backtracking depth (interpreter only).
    public var depthLimit: UInt32
    /// Maximum heap memory for backtracking, in bytes (interpreter only; rounded up to KiB).
    public var heapLimitBytes: Int

    /// Creates limits; the defaults (1,000,000 steps, depth 10,000, 20 MiB) never trip on ordinary rules.
    /// - Parameters:
    ///   - matchLimit: maximum internal match steps per attempt.
    ///   - depthLimit: maximum backtracking depth.
    ///   - heapLimitBytes: maximum backtracking heap in bytes.
    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000, heapLimitBytes: Int = 20 << 20) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitBytes = heapLimitBytes
    }

    /// The default limits.
    public static let `default` = MatchLimits()

    /// Writes these limits into a PCRE2 match context.
    func apply(to context: OpaquePointer) {
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
        pcre2_set_heap_limit_8(context, UInt32(clamping: (heapLimitBytes + 1023) / 1024))
    }
}
