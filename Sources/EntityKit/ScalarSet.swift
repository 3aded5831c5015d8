/// A set of Basic Multilingual Plane scalars as a bit per scalar: membership is one load and a mask, where
/// `Set<Unicode.Scalar>.contains` hashes. Built once from a `Set` that stays the definition.
struct ScalarSet: Sendable {
    private let bits: [UInt64]

    /// The BMP members of `scalars` (others are dropped; callers pass BMP scalars only).
    init(_ scalars: Set<Unicode.Scalar>) {
        var bits = [UInt64](repeating: 0, count: 1024)
        for scalar in scalars where scalar.value < 0x10000 {
            bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
        }
        self.bits = bits
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && bits[Int(scalar.value >> 6)] & (1 << UInt64(scalar.value & 63)) != 0
    }
}
