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

    /// Term frequencies per bucket (not normalised), buckets in order of first occurrence.
    ///
    /// Occurrences are summed in an open-addressing table sized from the text length, so the cost is linear in
    /// the number of n-grams (no sorting, one allocation per array).
    public func counts(for subject: Subject) -> SparseVector {
        let parameters = hasher.parameters
        var bound = 0
        for field in subject.fields where parameters.fieldGroups[field.name] != nil { bound += field.text.utf8.count }
        bound *= parameters.maxN - parameters.minN + 1
        var capacity = 16
        while capacity < bound * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        var indices: [Int32] = []
        var sums: [Float] = []
        indices.reserveCapacity(min(bound, 4096))
        sums.reserveCapacity(min(bound, 4096))
        hasher.forEachNGram(in: subject) { occurrence in
            let bucket = Int32(truncatingIfNeeded: occurrence.bucket)
            var slot = Int(UInt32(bitPattern: bucket) &* 0x9E37_79B1) & mask
            while true {
                let entry = slots[slot]
                if entry < 0 {
                    slots[slot] = Int32(indices.count)
                    indices.append(bucket)
                    sums.append(occurrence.sign)
                    return
                }
                if indices[Int(entry)] == bucket {
                    sums[Int(entry)] += occurrence.sign
                    return
                }
                slot = (slot + 1) & mask
            }
        }
        var keptIndices: [Int32] = []
        var values: [Float] = []
        keptIndices.reserveCapacity(indices.count)
        values.reserveCapacity(indices.count)
        for (bucket, sum) in zip(indices, sums) where sum != 0 {
            let magnitude = parameters.sublinearTF ? 1 + log(abs(sum)) : abs(sum)
            keptIndices.append(bucket)
            values.append(sum < 0 ? -magnitude : magnitude)
        }
        return SparseVector(indices: keptIndices, values: values)
    }
}
