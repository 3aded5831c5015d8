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
    /// What a feature group with no n-grams adds to the margin, one entry per group in ``NGramHasher/groupNames``
    /// order (ADR 0029, chosen by ``ModelTrainer/emptyGroupMargin(margins:contributions:)``), or nil: such a group
    /// adds nothing.
    public let emptyGroupMargins: [Float]?

    /// Creates an extractor for valid parameters (`bucketWeights`, when given, has one entry per bucket;
    /// `emptyGroupMargins` one per feature group, and is used only with per-group norms).
    public init(parameters: HashingParameters, bucketWeights: [Float]? = nil, emptyGroupMargins: [Float]? = nil) {
        hasher = NGramHasher(parameters: parameters)
        self.bucketWeights = bucketWeights
        self.emptyGroupMargins = parameters.groupNorm && emptyGroupMargins?.count == hasher.groupNames.count
            ? emptyGroupMargins : nil
    }

    /// `model`'s margin for term frequencies `counts` (with their groups), empty groups imputed with
    /// ``emptyGroupMargins``: the training path, which ``margin(for:model:)`` repeats to the bit without vectors.
    public func margin(counts: SparseVector, model: LogisticModel) -> Double {
        var sum = model.margin(weighted(counts))
        guard let emptyGroupMargins else { return sum }
        let filled = filledGroups(counts)
        for group in emptyGroupMargins.indices where !filled[group] { sum += Double(emptyGroupMargins[group]) }
        return sum
    }

    /// Which feature groups (``NGramHasher/groupNames`` order) the term frequencies `counts` fill: those with a
    /// bucket whose term frequency × bucket weight is not 0. A group is empty when its fields have no n-gram, or
    /// when every n-gram's bucket weight is 0 (an NB ratio of n-grams no training posting had): the test both
    /// scoring paths make, on the same `Float` products.
    public func filledGroups(_ counts: SparseVector) -> [Bool] {
        var filled = [Bool](repeating: false, count: hasher.groupNames.count)
        for (position, index) in counts.indices.enumerated() where position < counts.groups.count {
            let group = Int(counts.groups[position])
            guard group < filled.count, !filled[group] else { continue }
            let value = bucketWeights.map { counts.values[position] * $0[Int(index)] } ?? counts.values[position]
            if value != 0 { filled[group] = true }
        }
        return filled
    }

    /// What each feature group adds to `model`'s margin for term frequencies `counts` (0 for an empty group), and
    /// which groups are filled (``filledGroups(_:)``): one entry each per ``NGramHasher/groupNames``.
    public func groupContributions(counts: SparseVector, model: LogisticModel) -> (margins: [Double], filled: [Bool]) {
        let vector = weighted(counts)
        var margins = [Double](repeating: 0, count: hasher.groupNames.count)
        for (position, index) in vector.indices.enumerated() {
            let group = Int(counts.groups[position]), i = Int(index)
            guard group < margins.count, i < model.weights.count else { continue }
            margins[group] += Double(model.weights[i]) * Double(vector.values[position])
        }
        return (margins, filledGroups(counts))
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
    /// Occurrences are summed by ``withTermCounts(of:_:)``; the cost is linear in the number of n-grams.
    public func counts(for subject: Subject) -> SparseVector {
        let binary = hasher.parameters.binaryTF, sublinear = hasher.parameters.sublinearTF
        return withTermCounts(of: subject) { buckets, sums, groups in
            var kept = SparseVector()
            kept.indices.reserveCapacity(buckets.count)
            kept.values.reserveCapacity(buckets.count)
            kept.groups.reserveCapacity(buckets.count)
            for position in 0..<buckets.count {
                let sum = sums[position]
                guard sum != 0 else { continue }
                kept.indices.append(buckets[position])
                kept.values.append(Self.termFrequency(sum, binary: binary, sublinear: sublinear))
                kept.groups.append(groups[position])
            }
            return kept
        }
    }

    /// The term frequency of a bucket whose signed occurrences sum to `sum` (not 0): its magnitude is 1 (binary),
    /// `1 + ln|sum|` (sublinear) or `|sum|`, and its sign is the sum's. The flags are the parameters', read once by
    /// the caller (this runs for every bucket of every posting).
    @inline(__always)
    static func termFrequency(_ sum: Float, binary: Bool, sublinear: Bool) -> Float {
        let count = abs(sum)
        // Most n-grams occur once: 1 + ln 1 is exactly 1, without calling the logarithm.
        let magnitude = binary || count == 1 ? 1 : (sublinear ? 1 + log(count) : count)
        return sum < 0 ? -magnitude : magnitude
    }
}
