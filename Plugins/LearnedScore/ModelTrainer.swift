import Foundation
import RuleKit

/// Trains a ``LearnedModel``: grouped cross-validation to choose the bands, then a final fit on all postings.
///
/// ```swift
/// let trainer = ModelTrainer(options: TrainingOptions(seed: 7))
/// let model = trainer.train(postings, dataSHA256: digest, trainedAt: "2026-11-29")
/// try model.write(to: "rules/models/site.rdmodel")
/// ```
public struct ModelTrainer: Sendable {
    /// Feature parameters.
    public var hashing: HashingParameters
    /// Optimiser settings and seed.
    public var options: TrainingOptions
    /// False-positive budget for the bands.
    public var targets: ThresholdTargets
    /// Verdict thresholds the bands' points refer to.
    public var thresholds: Thresholds
    /// Folds of the grouped cross-validation (at least 2).
    public var folds: Int

    /// Creates a trainer.
    public init(
        hashing: HashingParameters = HashingParameters(), options: TrainingOptions = TrainingOptions(),
        targets: ThresholdTargets = ThresholdTargets(), thresholds: Thresholds = Thresholds(), folds: Int = 5
    ) {
        self.hashing = hashing
        self.options = options
        self.targets = targets
        self.thresholds = thresholds
        self.folds = max(2, folds)
    }

    /// Trains on labelled postings.
    ///
    /// - Parameters:
    ///   - postings: labelled postings with their rule scores.
    ///   - dataSHA256: fingerprint of the training file, stored in the model.
    ///   - trainedAt: date stored in the model (pass a fixed value for reproducible bytes).
    ///   - skipped: postings the caller skipped for want of a label, stored in the model.
    public func train(_ postings: [LabelledPosting], dataSHA256: String, trainedAt: String, skipped: Int = 0) -> LearnedModel {
        let extractor = FeatureExtractor(parameters: hashing)
        let counts = postings.map { extractor.counts(for: $0.subject) }
        let labels = postings.map(\.label)
        let ruleScores = postings.map(\.ruleScore)
        var heldOut = outOfFoldProbabilities(counts, labels: labels, keys: postings.map(\.groupKey))
        // As in a scan (ADR 0028), the model does not score a posting with too little text: such postings take no
        // part in choosing the bands, and count with the rules' points alone in the held-out figures.
        let scored = postings.map { LearnedModel.readableText(in: $0.subject, fields: hashing.fieldGroups,
                                                              upTo: LearnedModel.minimumText) >= LearnedModel.minimumText }
        let kept = postings.indices.filter { scored[$0] }
        let bands = ThresholdChooser.choose(
            probabilities: kept.map { heldOut[$0] }, labels: kept.map { labels[$0] },
            ruleScores: kept.map { ruleScores[$0] }, thresholds: thresholds, targets: targets)
        for index in postings.indices where !scored[index] { heldOut[index] = -1 }  // below every band
        let figures = ThresholdChooser.evaluate(bands, heldOut, labels, ruleScores, thresholds)
        let (final, bucketWeights) = fit(counts, labels: labels)
        let record = TrainingRecord(
            dataSHA256: dataSHA256, trainedAt: trainedAt, options: options, examples: postings.count,
            positives: labels.filter { $0 }.count, skipped: skipped, folds: folds,
            heldOut: HeldOutFigures(suspicious: figures.suspicious, likelyFraud: figures.likely))
        let header = ModelHeader(
            hashing: hashing, bias: final.bias, bands: bands, targets: targets, training: record,
            idfUnseen: hashing.idf ? Self.unseenIDF(examples: counts.count) : nil)
        return LearnedModel(header: header, weights: final.weights, bucketWeights: bucketWeights)
    }

    /// IDF of a bucket no training posting has.
    static func unseenIDF(examples: Int) -> Float { Float(log(1 + Double(examples)) + 1) }

    /// Fits on term-frequency vectors: bucket weights from these postings (IDF or NB log-count ratios, when the
    /// parameters ask for them), then the model.
    public func fit(_ counts: [SparseVector], labels: [Bool]) -> (model: LogisticModel, bucketWeights: [Float]?) {
        let buckets = hashing.bucketCount
        let bucketWeights = hashing.nbRatio
            ? FeatureExtractor.logCountRatios(counts, labels: labels, buckets: buckets, alpha: hashing.nbAlpha)
            : (hashing.idf ? FeatureExtractor.inverseDocumentFrequencies(counts, buckets: buckets) : nil)
        let extractor = FeatureExtractor(parameters: hashing, bucketWeights: bucketWeights)
        let vectors = counts.map(extractor.weighted)
        return (LogisticTrainer(options: options).fit(vectors, labels: labels, buckets: hashing.bucketCount), bucketWeights)
    }

    /// Probabilities of each posting from a model (and IDF) that did not see its fold.
    public func outOfFoldProbabilities(_ counts: [SparseVector], labels: [Bool], keys: [UInt64]) -> [Double] {
        let foldOf = GroupFolds.assign(keys: keys, labels: labels, folds: folds, seed: options.seed)
        var probabilities = [Double](repeating: 0, count: counts.count)
        for fold in 0..<folds {
            let train = counts.indices.filter { foldOf[$0] != fold }
            let test = counts.indices.filter { foldOf[$0] == fold }
            guard !test.isEmpty else { continue }
            let (model, bucketWeights) = fit(train.map { counts[$0] }, labels: train.map { labels[$0] })
            let extractor = FeatureExtractor(parameters: hashing, bucketWeights: bucketWeights)
            for index in test { probabilities[index] = model.probability(extractor.weighted(counts[index])) }
        }
        return probabilities
    }
}
