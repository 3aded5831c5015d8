/// One row of a calibration table: postings whose probability fell in `[lower, upper)` and how many were fraudulent.
public struct CalibrationBin: Sendable, Hashable, Codable {
    /// Lower bound of the probability bin.
    public var lower: Double
    /// Upper bound (exclusive; the last bin includes 1).
    public var upper: Double
    /// Postings in the bin.
    public var count: Int
    /// Fraudulent postings in the bin.
    public var positives: Int
    /// Mean predicted probability in the bin.
    public var meanProbability: Double
    /// Observed share of fraudulent postings in the bin.
    public var observedRate: Double { count > 0 ? Double(positives) / Double(count) : 0 }

    /// Ten equal-width bins over probabilities and labels.
    public static func table(probabilities: [Double], labels: [Bool], bins: Int = 10) -> [CalibrationBin] {
        let count = max(1, bins)
        var rows = (0..<count).map {
            CalibrationBin(
                lower: Double($0) / Double(count), upper: Double($0 + 1) / Double(count), count: 0, positives: 0,
                meanProbability: 0)
        }
        var sums = [Double](repeating: 0, count: count)
        for (probability, label) in zip(probabilities, labels) {
            let index = min(count - 1, max(0, Int(probability * Double(count))))
            rows[index].count += 1
            if label { rows[index].positives += 1 }
            sums[index] += probability
        }
        for index in rows.indices where rows[index].count > 0 {
            rows[index].meanProbability = sums[index] / Double(rows[index].count)
        }
        return rows
    }

    enum CodingKeys: String, CodingKey { case lower, upper, count, positives, meanProbability, observedRate }

    /// Creates a bin.
    public init(lower: Double, upper: Double, count: Int, positives: Int, meanProbability: Double) {
        self.lower = lower
        self.upper = upper
        self.count = count
        self.positives = positives
        self.meanProbability = meanProbability
    }

    /// Decodes a bin (the observed rate is recomputed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lower = try container.decode(Double.self, forKey: .lower)
        upper = try container.decode(Double.self, forKey: .upper)
        count = try container.decode(Int.self, forKey: .count)
        positives = try container.decode(Int.self, forKey: .positives)
        meanProbability = try container.decode(Double.self, forKey: .meanProbability)
    }

    /// Encodes the bin with its observed rate.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
        try container.encode(count, forKey: .count)
        try container.encode(positives, forKey: .positives)
        try container.encode(meanProbability, forKey: .meanProbability)
        try container.encode(observedRate, forKey: .observedRate)
    }
}
