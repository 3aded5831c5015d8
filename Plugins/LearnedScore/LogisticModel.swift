import Foundation

/// A logistic regression over hashed features: `p = 1 / (1 + e^-(w·x + b))`.
public struct LogisticModel: Sendable, Hashable {
    /// One weight per hash bucket.
    public var weights: [Float]
    /// The intercept.
    public var bias: Float

    /// Creates a model; `weights.count` must equal the bucket count of the features it scores.
    public init(weights: [Float], bias: Float) {
        self.weights = weights
        self.bias = bias
    }

    /// An all-zero model over `buckets` buckets.
    public init(buckets: Int) {
        self.init(weights: [Float](repeating: 0, count: buckets), bias: 0)
    }

    /// The linear score `w·x + b`.
    public func margin(_ vector: SparseVector) -> Double {
        var sum = Double(bias)
        weights.withUnsafeBufferPointer { w in
            for (index, value) in zip(vector.indices, vector.values) {
                let i = Int(index)
                if i < w.count { sum += Double(w[i]) * Double(value) }
            }
        }
        return sum
    }

    /// The probability that the posting is fraudulent.
    public func probability(_ vector: SparseVector) -> Double {
        Self.sigmoid(margin(vector))
    }

    /// The logistic function, safe for large magnitudes.
    public static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}
