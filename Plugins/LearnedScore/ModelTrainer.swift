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
        let vectors = postings.map { extractor.vector(for: $0.subject) }
        let labels = postings.map(\.label)
        let ruleScores = postings.map(\.ruleScore)
        let heldOut = outOfFoldProbabilities(vectors, labels: labels, keys: postings.map(\.groupKey))
        let bands = ThresholdChooser.choose(
            probabilities: heldOut, labels: labels, ruleScores: ruleScores, thresholds: thresholds, targets: targets)
        let figures = ThresholdChooser.evaluate(bands, heldOut, labels, ruleScores, thresholds)
        let final = LogisticTrainer(options: options).fit(vectors, labels: labels, buckets: hashing.bucketCount)
        let record = TrainingRecord(
            dataSHA256: dataSHA256, trainedAt: trainedAt, options: options, examples: postings.count,
            positives: labels.filter { $0 }.count, skipped: skipped, folds: folds,
            heldOut: HeldOutFigures(suspicious: figures.suspicious, likelyFraud: figures.likely))
        let header = ModelHeader(hashing: hashing, bias: final.bias, bands: bands, targets: targets, training: record)
        return LearnedModel(header: header, weights: final.weights)
    }

    /// Probabilities of each posting from a model that did not see its fold.
    public func outOfFoldProbabilities(_ vectors: [SparseVector], labels: [Bool], keys: [UInt64]) -> [Double] {
        let foldOf = GroupFolds.assign(keys: keys, labels: labels, folds: folds, seed: options.seed)
        var probabilities = [Double](repeating: 0, count: vectors.count)
        let trainer = LogisticTrainer(options: options)
        for fold in 0..<folds {
            let train = vectors.indices.filter { foldOf[$0] != fold }
            let test = vectors.indices.filter { foldOf[$0] == fold }
            guard !test.isEmpty else { continue }
            let model = trainer.fit(train.map { vectors[$0] }, labels: train.map { labels[$0] }, buckets: hashing.bucketCount)
            for index in test { probabilities[index] = model.probability(vectors[index]) }
        }
        return probabilities
    }
}
