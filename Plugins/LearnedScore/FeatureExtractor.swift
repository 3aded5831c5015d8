import Foundation
import RuleKit

/// Turns a subject into a normalised sparse vector of hashed character n-grams.
///
/// Counts per bucket are signed sums of n-gram occurrences, dampened to `1 + ln|count|` when
/// ``HashingParameters/sublinearTF`` is set, multiplied by the bucket's inverse document frequency when the model
/// has one, and the vector is scaled to unit length so that long and short postings weigh alike.
public struct FeatureExtractor: Sendable {
    /// The n-gram hasher.
    public let hasher: NGramHasher
    /// Inverse document frequency per bucket, or nil for plain term frequencies.
    public let idf: [Float]?

    /// Creates an extractor for valid parameters (`idf`, when given, has one entry per bucket).
    public init(parameters: HashingParameters, idf: [Float]? = nil) {
        hasher = NGramHasher(parameters: parameters)
        self.idf = idf
    }

    /// The feature vector of a subject.
    public func vector(for subject: Subject) -> SparseVector {
        weighted(counts(for: subject))
    }

    /// Applies the IDF weights (if any) to term frequencies and scales to unit length.
    public func weighted(_ counts: SparseVector) -> SparseVector {
        var values = counts.values
        if let idf {
            for (position, index) in counts.indices.enumerated() { values[position] *= idf[Int(index)] }
        }
        let norm = values.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { for i in values.indices { values[i] /= norm } }
        return SparseVector(indices: counts.indices, values: values)
    }

    /// Smoothed inverse document frequencies `ln((1 + n) / (1 + df)) + 1` of term-frequency vectors.
    public static func inverseDocumentFrequencies(_ counts: [SparseVector], buckets: Int) -> [Float] {
        var frequencies = [Int32](repeating: 0, count: buckets)
        for vector in counts { for index in vector.indices { frequencies[Int(index)] += 1 } }
        let total = Double(counts.count)
        return frequencies.map { Float(log((1 + total) / (1 + Double($0))) + 1) }
    }

    /// Term frequencies per bucket (not normalised).
    public func counts(for subject: Subject) -> SparseVector {
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
        return SparseVector(indices: indices, values: values)
    }
}
