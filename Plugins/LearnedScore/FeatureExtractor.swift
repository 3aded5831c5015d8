import Foundation
import RuleKit

/// Turns a subject into a normalised sparse vector of hashed character n-grams.
///
/// Counts per bucket are signed sums of n-gram occurrences, dampened to `1 + ln|count|` when
/// ``HashingParameters/sublinearTF`` is set or reduced to their sign (±1) when ``HashingParameters/binaryTF`` is,
/// multiplied by the bucket's weight when the model has one (inverse document frequency, or the NB log-count ratio
/// of ``HashingParameters/nbRatio``), and each feature group is scaled to unit length on its own
/// (``HashingParameters/groupNorm``; otherwise the whole vector is) so that long and short postings weigh alike and a
/// long description does not drown the title, salary or welfare fields.
public struct FeatureExtractor: Sendable {
    /// The n-gram hasher.
    public let hasher: NGramHasher
    /// Weight per bucket — inverse document frequency, or the log-count ratio with ``HashingParameters/nbRatio`` —
    /// or nil for unweighted term frequencies.
    public let bucketWeights: [Float]?

    /// Creates an extractor for valid parameters (`bucketWeights`, when given, has one entry per bucket).
    public init(parameters: HashingParameters, bucketWeights: [Float]? = nil) {
        hasher = NGramHasher(parameters: parameters)
        self.bucketWeights = bucketWeights
    }

    /// The feature vector of a subject.
    public func vector(for subject: Subject) -> SparseVector {
        weighted(counts(for: subject))
    }

    /// Applies the bucket weights (if any) to term frequencies and scales each group (or the whole) to unit length.
    public func weighted(_ counts: SparseVector) -> SparseVector {
        var values = counts.values
        if let bucketWeights {
            for (position, index) in counts.indices.enumerated() { values[position] *= bucketWeights[Int(index)] }
        }
        let perGroup = hasher.parameters.groupNorm && counts.groups.count == values.count
        var norms = [Float](repeating: 0, count: perGroup ? hasher.groupNames.count + 1 : 1)
        for (position, value) in values.enumerated() {
            norms[perGroup ? Int(counts.groups[position]) : 0] += value * value
        }
        for i in norms.indices { norms[i] = norms[i].squareRoot() }
        for position in values.indices {
            let norm = norms[perGroup ? Int(counts.groups[position]) : 0]
            if norm > 0 { values[position] /= norm }
        }
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
        var groups: [UInt8] = []
        indices.reserveCapacity(min(bound, 4096))
        sums.reserveCapacity(min(bound, 4096))
        groups.reserveCapacity(min(bound, 4096))
        hasher.forEachNGram(in: subject) { occurrence in
            let bucket = Int32(truncatingIfNeeded: occurrence.bucket)
            var slot = Int(UInt32(bitPattern: bucket) &* 0x9E37_79B1) & mask
            while true {
                let entry = slots[slot]
                if entry < 0 {
                    slots[slot] = Int32(indices.count)
                    indices.append(bucket)
                    sums.append(occurrence.sign)
                    groups.append(UInt8(truncatingIfNeeded: occurrence.group))
                    return
                }
                if indices[Int(entry)] == bucket {
                    sums[Int(entry)] += occurrence.sign
                    return
                }
                slot = (slot + 1) & mask
            }
        }
        var kept = SparseVector()
        kept.indices.reserveCapacity(indices.count)
        kept.values.reserveCapacity(indices.count)
        kept.groups.reserveCapacity(indices.count)
        for (position, sum) in sums.enumerated() where sum != 0 {
            let magnitude = parameters.binaryTF ? 1 : (parameters.sublinearTF ? 1 + log(abs(sum)) : abs(sum))
            kept.indices.append(indices[position])
            kept.values.append(sum < 0 ? -magnitude : magnitude)
            kept.groups.append(groups[position])
        }
        return kept
    }
}
