import Foundation

extension FeatureExtractor {
    /// NB-SVM log-count ratios per bucket: `r = ln((p / ‖p‖₁) / (q / ‖q‖₁))`, where `p` is `alpha` plus the number of
    /// fraudulent postings in which the bucket is present and `q` the same over honest postings.
    ///
    /// A bucket is present when its entry in the posting's term-frequency vector is non-zero; the hash sign is
    /// ignored for counting. The norms sum over the buckets seen in at least one posting (the hashed counterpart of
    /// a vocabulary fitted on the training data). Buckets no posting has get 0, so an n-gram never seen in training
    /// adds nothing to a posting's features (not even to its length). Positive ratios lean fraudulent.
    ///
    /// - Parameters:
    ///   - counts: term-frequency vectors of the training postings.
    ///   - labels: `true` for fraudulent, one per vector.
    ///   - buckets: the hash bucket count.
    ///   - alpha: the smoothing count (positive).
    public static func logCountRatios(_ counts: [SparseVector], labels: [Bool], buckets: Int, alpha: Double) -> [Float] {
        var fraudulent = [Int32](repeating: 0, count: buckets)
        var honest = [Int32](repeating: 0, count: buckets)
        for (vector, label) in zip(counts, labels) {
            for (index, value) in zip(vector.indices, vector.values) where value != 0 {
                if label { fraudulent[Int(index)] += 1 } else { honest[Int(index)] += 1 }
            }
        }
        var seen = 0
        var fraudulentTotal = 0.0
        var honestTotal = 0.0
        for bucket in 0..<buckets where fraudulent[bucket] + honest[bucket] > 0 {
            seen += 1
            fraudulentTotal += Double(fraudulent[bucket])
            honestTotal += Double(honest[bucket])
        }
        let shift = log((alpha * Double(seen) + honestTotal) / (alpha * Double(seen) + fraudulentTotal))
        var ratios = [Float](repeating: 0, count: buckets)
        for bucket in 0..<buckets where fraudulent[bucket] + honest[bucket] > 0 {
            ratios[bucket] = Float(log((alpha + Double(fraudulent[bucket])) / (alpha + Double(honest[bucket]))) + shift)
        }
        return ratios
    }
}
