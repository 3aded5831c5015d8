/// A sparse feature vector: distinct bucket indices (in order of first occurrence in the text) and their values.
public struct SparseVector: Sendable, Hashable {
    /// Bucket indices, without repeats.
    public var indices: [Int32]
    /// Values, one per index.
    public var values: [Float]

    /// Creates a vector; `indices` must be distinct.
    public init(indices: [Int32] = [], values: [Float] = []) {
        self.indices = indices
        self.values = values
    }

    /// Number of non-zero entries.
    public var count: Int { indices.count }
}
