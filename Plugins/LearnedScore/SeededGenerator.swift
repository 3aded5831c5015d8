import SeededRandom

/// The learned scorer's deterministic generator: ``SplitMix64``, the same sequence on every machine for one seed.
///
/// Training shuffles with it, so a model trained twice with one seed has the same weights; its `mix` finaliser also
/// hashes n-grams (changing either would change every model's features: the model file's scheme names them).
public typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    /// A deterministic Fisher–Yates shuffle of `indices` (independent of the standard library's algorithm).
    public mutating func shuffle(_ indices: inout [Int]) {
        guard indices.count > 1 else { return }
        for i in stride(from: indices.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            indices.swapAt(i, j)
        }
    }
}
