import Foundation
import RuleKit

/// A trained model ready to score postings: its header, its weights and the feature extractor it was trained with.
///
/// ```swift
/// let model = try LearnedModel.load(path: "rules/models/site.rdmodel")
/// let p = model.probability(for: posting)
/// ```
public struct LearnedModel: Sendable {
    /// Provenance, parameters and bands.
    public let header: ModelHeader
    /// The logistic regression.
    public let model: LogisticModel
    /// Turns subjects into features with the header's parameters.
    public let extractor: FeatureExtractor

    /// Creates a model from a header, dense weights and dense bucket weights (each with the header's bucket count;
    /// `bucketWeights` holds the IDF or the NB log-count ratios, nil when the header's parameters have neither).
    public init(header: ModelHeader, weights: [Float], bucketWeights: [Float]? = nil) {
        self.header = header
        model = LogisticModel(weights: weights, bias: header.bias)
        extractor = FeatureExtractor(parameters: header.hashing,
                                     bucketWeights: header.hashing.hasBucketWeights ? bucketWeights : nil)
    }

    /// The probability that a posting is fraudulent.
    public func probability(for subject: Subject) -> Double {
        LogisticModel.sigmoid(extractor.margin(for: subject, model: model))
    }

    /// The model file bytes.
    public func encoded() -> [UInt8] {
        ModelFileCodec.encode(header: header, weights: model.weights, bucketWeights: extractor.bucketWeights)
    }

    /// Decodes model file bytes; `path` names the file in errors.
    ///
    /// - Throws: ``ModelFileError``.
    public static func decode(_ bytes: [UInt8], path: String) throws(ModelFileError) -> LearnedModel {
        let (header, weights, bucketWeights) = try ModelFileCodec.decode(bytes, path: path)
        return LearnedModel(header: header, weights: weights, bucketWeights: bucketWeights)
    }

    /// Loads a model file.
    ///
    /// - Throws: ``ModelFileError`` when the file cannot be read or is refused.
    public static func load(path: String) throws(ModelFileError) -> LearnedModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelFileError(path: path, reason: .unreadable)
        }
        return try decode(Array(data), path: path)
    }

    /// Writes the model file atomically.
    ///
    /// - Throws: the file system's error.
    public func write(to path: String) throws {
        try Data(encoded()).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
