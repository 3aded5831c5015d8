import Foundation
import RuleKit

/// Turns a subject into a normalised sparse vector of hashed character n-grams.
///
/// Counts per bucket are signed sums of n-gram occurrences, dampened to `1 + ln|count|` when
/// ``HashingParameters/sublinearTF`` is set, and the vector is scaled to unit length so that long and short postings
/// weigh alike.
public struct FeatureExtractor: Sendable {
    /// The n-gram hasher.
    public let hasher: NGramHasher

    /// Creates an extractor for valid parameters.
    public init(parameters: HashingParameters) {
        hasher = NGramHasher(parameters: parameters)
    }

    /// The feature vector of a subject.
    public func vector(for subject: Subject) -> SparseVector {
        var keys: [UInt64] = []
        keys.reserveCapacity(1024)
        hasher.forEachNGram(in: subject) { occurrence in
            keys.append(UInt64(occurrence.bucket) << 1 | (occurrence.sign < 0 ? 1 : 0))
        }
        keys.sort()
        var indices: [Int32] = []
        var values: [Float] = []
        indices.reserveCapacity(keys.count)
        values.reserveCapacity(keys.count)
        var position = 0
        while position < keys.count {
            let bucket = keys[position] >> 1
            var sum: Float = 0
            while position < keys.count && keys[position] >> 1 == bucket {
                sum += keys[position] & 1 == 0 ? 1 : -1
                position += 1
            }
            guard sum != 0 else { continue }
            let magnitude = hasher.parameters.sublinearTF ? 1 + log(abs(sum)) : abs(sum)
            indices.append(Int32(truncatingIfNeeded: bucket))
            values.append(sum < 0 ? -magnitude : magnitude)
        }
        let norm = values.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { for i in values.indices { values[i] /= norm } }
        return SparseVector(indices: indices, values: values)
    }
}
