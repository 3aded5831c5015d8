/// A sparse feature vector: distinct bucket indices (in order of first occurrence in the text) and their values.
///
/// Term-frequency vectors also say which feature group (see ``HashingParameters/fieldGroups``) each entry came from,
/// so that each group can be scaled to unit length on its own; weighted vectors leave `groups` empty.
public struct SparseVector: Sendable, Hashable {
    /// Bucket indices, without repeats.
    public var indices: [Int32]
    /// Values, one per index.
    public var values: [Float]
    /// Feature group ordinal of each entry (``NGramHasher/groupNames`` order), or empty.
    public var groups: [UInt8]

    /// Creates a vector; `indices` must be distinct and `groups` empty or as long as `indices`.
    public init(indices: [Int32] = [], values: [Float] = [], groups: [UInt8] = []) {
        self.indices = indices
        self.values = values
        self.groups = groups
    }

    /// Number of non-zero entries.
    public var count: Int { indices.count }
}
