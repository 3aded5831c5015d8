/// A 2×2 confusion matrix with precision, recall, F1 and false-positive rate.
public struct Confusion: Sendable, Hashable, Codable {
    /// Fraudulent postings flagged.
    public var truePositives = 0
    /// Honest postings flagged.
    public var falsePositives = 0
    /// Honest postings not flagged.
    public var trueNegatives = 0
    /// Fraudulent postings missed.
    public var falseNegatives = 0

    /// An empty matrix.
    public init() {}

    /// Counts one posting.
    public mutating func add(predicted: Bool, actual: Bool) {
        switch (predicted, actual) {
        case (true, true): truePositives += 1
        case (true, false): falsePositives += 1
        case (false, false): trueNegatives += 1
        case (false, true): falseNegatives += 1
        }
    }

    /// TP / (TP + FP), 0 when nothing was flagged.
    public var precision: Double { Self.ratio(truePositives, truePositives + falsePositives) }
    /// TP / (TP + FN).
    public var recall: Double { Self.ratio(truePositives, truePositives + falseNegatives) }
    /// Harmonic mean of precision and recall.
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    /// Share of honest postings flagged.
    public var falsePositiveRate: Double { Self.ratio(falsePositives, falsePositives + trueNegatives) }

    private static func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }

    enum CodingKeys: String, CodingKey {
        case truePositives, falsePositives, trueNegatives, falseNegatives, precision, recall, f1, falsePositiveRate
    }

    /// Decodes the counts (derived figures are recomputed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        truePositives = try container.decode(Int.self, forKey: .truePositives)
        falsePositives = try container.decode(Int.self, forKey: .falsePositives)
        trueNegatives = try container.decode(Int.self, forKey: .trueNegatives)
        falseNegatives = try container.decode(Int.self, forKey: .falseNegatives)
    }

    /// Encodes the counts and the derived figures.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(truePositives, forKey: .truePositives)
        try container.encode(falsePositives, forKey: .falsePositives)
        try container.encode(trueNegatives, forKey: .trueNegatives)
        try container.encode(falseNegatives, forKey: .falseNegatives)
        try container.encode(precision, forKey: .precision)
        try container.encode(recall, forKey: .recall)
        try container.encode(f1, forKey: .f1)
        try container.encode(falsePositiveRate, forKey: .falsePositiveRate)
    }
}
