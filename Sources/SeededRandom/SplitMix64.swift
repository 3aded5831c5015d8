/// A deterministic random number generator (SplitMix64): `next()`, `mix` and `below` give the same sequence for a
/// seed on every machine and every Swift version. `int`, `pick` and `chance` go through the standard library's
/// `random(in:using:)`, whose algorithm may change between Swift versions: fine for generated test inputs and
/// benchmark corpora, not for anything stored (training uses `next()` only).
///
/// Used wherever a run must be repeatable: model training shuffles, benchmark corpora, generated test inputs.
///
/// ```swift
/// var random = SplitMix64(seed: 2026)
/// let role = random.pick(["普工", "服务员"])
/// let count = random.int(1...5)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser: a good 64-bit bit mixer (also usable as a hash of a 64-bit value).
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` as `next() % n` (slightly biased for huge `n`; kept for repeatable sequences).
    /// `n` must be positive.
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "below(_:) needs a positive bound")
        return Int(next() % UInt64(n))
    }

    /// A uniformly chosen number in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// A uniformly chosen element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}
