/// How a model reads ``PostingShape`` features: the training data's mean and spread of every feature and the
/// weight of the group beside the n-grams. Stored in the model header (format version 3); absent when the model
/// reads n-grams only.
///
/// A feature enters the logistic regression as `weight × (value − mean) ÷ scale` in its own slot after the hash
/// buckets (slot `bucketCount + i` for the i-th name), so shape features never collide with n-grams.
public struct ShapeScaling: Sendable, Hashable, Codable {
    /// The shape feature scheme (``PostingShape/scheme``).
    public var scheme: String
    /// Feature names, in slot order (must equal ``PostingShape/names``).
    public var names: [String]
    /// Mean of each feature over the training postings.
    public var means: [Float]
    /// Standard deviation of each feature over the training postings (1 where it was 0).
    public var scales: [Float]
    /// Multiplier of every standardised value (the group's weight beside the unit-length n-gram groups).
    public var weight: Float

    /// Creates scaling from stored values.
    public init(scheme: String = PostingShape.scheme, names: [String] = PostingShape.names, means: [Float],
                scales: [Float], weight: Float) {
        self.scheme = scheme
        self.names = names
        self.means = means
        self.scales = scales
        self.weight = weight
    }

    /// Scaling fitted to the raw shape values of training postings (each row as long as ``PostingShape/names``).
    public init(fitting rows: [[Float]], weight: Float) {
        let width = PostingShape.names.count
        var sums = [Double](repeating: 0, count: width)
        var squares = [Double](repeating: 0, count: width)
        for row in rows {
            for (i, value) in row.prefix(width).enumerated() {
                sums[i] += Double(value)
                squares[i] += Double(value) * Double(value)
            }
        }
        let count = Double(max(1, rows.count))
        let means = sums.map { $0 / count }
        let scales = zip(squares, means).map { square, mean -> Float in
            let spread = (max(0, square / count - mean * mean)).squareRoot()
            return spread > 1e-6 ? Float(spread) : 1
        }
        self.init(means: means.map { Float($0) }, scales: scales, weight: weight)
    }

    /// The sparse entries of raw shape values, in slots `offset + i` (zero values left out).
    public func entries(_ raw: [Float], offset: Int) -> SparseVector {
        var vector = SparseVector()
        for i in 0..<min(raw.count, means.count) {
            let value = weight * (raw[i] - means[i]) / scales[i]
            guard value != 0, value.isFinite else { continue }
            vector.indices.append(Int32(offset + i))
            vector.values.append(value)
        }
        return vector
    }

    /// Why a stored scaling cannot be used by this build, or nil when it can.
    public var problem: String? {
        if scheme != PostingShape.scheme { return "shape scheme '\(scheme)' is not '\(PostingShape.scheme)'" }
        if names != PostingShape.names { return "shape features differ from this build's \(PostingShape.names.count)" }
        if means.count != names.count || scales.count != names.count { return "shape scaling has the wrong length" }
        let numbers = means + scales + [weight]
        if !numbers.allSatisfy(\.isFinite) || scales.contains(where: { $0 <= 0 }) {
            return "shape scaling holds a non-finite or non-positive number"
        }
        return nil
    }
}
