/// A sparse feature vector: sorted, distinct bucket indices and their values.
public struct SparseVector: Sendable, Hashable {
    /// Bucket indices, ascending, without repeats.
    public var indices: [Int32]
    /// Values, one per index.
    public var values: [Float]

    /// Creates a vector; `indices` must be ascending and distinct.
    public init(indices: [Int32] = [], values: [Float] = []) {
        self.indices = indices
        self.values = values
    }

    /// Number of non-zero entries.
    public var count: Int { indices.count }
}
