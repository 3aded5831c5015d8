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
        let groupNames = NGramHasher(parameters: header.hashing).groupNames
        let margins = header.hashing.imputeEmptyGroups
            ? header.emptyGroupMargins.map { margins in groupNames.map { margins[$0] ?? 0 } } : nil
        extractor = FeatureExtractor(parameters: header.hashing,
                                     bucketWeights: header.hashing.hasBucketWeights ? bucketWeights : nil,
                                     emptyGroupMargins: margins)
    }

    /// The least text, in Unicode scalars other than white space over the fields the model reads, on which the
    /// model scores a posting (ADR 0028). Below it the model abstains — adds no points — however high its
    /// probability: with few or no n-grams the probability is little more than the model's intercept (plus the
    /// imputed margins of the empty field groups, ADR 0029), which training on full postings can leave high (an empty
    /// posting scored p 0.65 with one ORFD-trained model).
    public static let minimumText = 20

    /// The Unicode scalars other than white space in the fields the model reads, counted up to `limit` (the count
    /// stops there: scoring needs to know only whether a posting reaches ``minimumText``).
    public func readableText(in subject: Subject, upTo limit: Int = .max) -> Int {
        Self.readableText(in: subject, fields: header.hashing.fieldGroups, upTo: limit)
    }

    /// ``readableText(in:upTo:)`` for the fields of `fields` (a model's field groups), before a model exists.
    public static func readableText(in subject: Subject, fields: [String: String], upTo limit: Int = .max) -> Int {
        var count = 0
        for field in subject.fields where fields[field.name] != nil {
            for scalar in field.text.unicodeScalars where !scalar.properties.isWhitespace {
                count += 1
                if count >= limit { return count }
            }
        }
        return count
    }

    /// Whether the posting holds enough text for the model to score it (``minimumText``).
    public func scores(_ subject: Subject) -> Bool {
        readableText(in: subject, upTo: Self.minimumText) >= Self.minimumText
    }

    /// The probability that a posting is fraudulent (computed whether or not the model ``scores(_:)`` it).
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
