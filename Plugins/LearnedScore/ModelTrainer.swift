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
    /// What the folds that choose the bands keep together (ADR 0030).
    public var bandFolds: BandFolds = .descriptionAndCompany

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
        // Imputation needs one norm per group (``HashingParameters/problem``); without it the model does not impute.
        var hashing = hashing
        hashing.imputeEmptyGroups = imputes
        let extractor = FeatureExtractor(parameters: hashing)
        let counts = postings.map { extractor.counts(for: $0.subject) }
        let labels = postings.map(\.label)
        let ruleScores = postings.map(\.ruleScore)
        let (grouping, keys) = bandFolds.effectiveKeys(postings, folds: max(2, folds))
        let outOfFold = outOfFoldProbabilities(counts, labels: labels, keys: keys)
        var heldOut = outOfFold.probabilities
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
        let groupNames = NGramHasher(parameters: hashing).groupNames
        let record = TrainingRecord(
            dataSHA256: dataSHA256, trainedAt: trainedAt, options: options, examples: postings.count,
            positives: labels.filter { $0 }.count, skipped: skipped, folds: max(2, folds), bandFolds: grouping,
            heldOut: HeldOutFigures(suspicious: figures.suspicious, likelyFraud: figures.likely))
        let header = ModelHeader(
            hashing: hashing, bias: final.bias, bands: bands, targets: targets, training: record,
            idfUnseen: hashing.idf ? Self.unseenIDF(examples: counts.count) : nil,
            emptyGroupMargins: outOfFold.emptyGroupMargins.map { Dictionary(uniqueKeysWithValues: zip(groupNames, $0)) })
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

    /// Probabilities of each posting from a model (and bucket weights) that did not see its fold, and — with
    /// ``HashingParameters/imputeEmptyGroups`` — the margin each feature group adds when a posting leaves it empty
    /// (``NGramHasher/groupNames`` order; see ``emptyGroupMargin(margins:contributions:)``), which the probabilities
    /// of postings with an empty group then include (ADR 0029).
    ///
    /// The margins are chosen on held-out contributions on purpose: on its own training postings a model's
    /// contributions are far from what it gives a posting it has not seen.
    public func outOfFoldProbabilities(_ counts: [SparseVector], labels: [Bool], keys: [UInt64])
        -> (probabilities: [Double], emptyGroupMargins: [Float]?)
    {
        let folds = max(2, folds)  // as `GroupFolds.assign` counts them, so that every posting is held out once
        let foldOf = GroupFolds.assign(keys: keys, labels: labels, folds: folds, seed: options.seed)
        let groups = NGramHasher(parameters: hashing).groupNames.count
        var margins = [Double](repeating: 0, count: counts.count)
        var filled = [[Bool]](repeating: [], count: counts.count)
        var contributions = [[Double]](repeating: [], count: counts.count)
        for fold in 0..<folds {
            let train = counts.indices.filter { foldOf[$0] != fold }
            let test = counts.indices.filter { foldOf[$0] == fold }
            guard !test.isEmpty else { continue }
            let (model, bucketWeights) = fit(train.map { counts[$0] }, labels: train.map { labels[$0] })
            let extractor = FeatureExtractor(parameters: hashing, bucketWeights: bucketWeights)
            for index in test {
                guard imputes else {
                    margins[index] = model.margin(extractor.weighted(counts[index]))
                    continue
                }
                let parts = extractor.groupContributions(counts: counts[index], model: model)
                margins[index] = Double(model.bias) + parts.margins.reduce(0, +)
                filled[index] = parts.filled
                contributions[index] = parts.margins
            }
        }
        guard imputes else { return (margins.map(LogisticModel.sigmoid), nil) }
        func isFilled(_ index: Int, _ group: Int) -> Bool { filled[index].indices.contains(group) && filled[index][group] }
        let imputed = (0..<groups).map { group in
            let having = counts.indices.filter { isFilled($0, group) }
            // A group the training data often leaves empty is not imputed: the model has learnt what its emptiness
            // says (measured: where fake postings left a field empty, imputing it lost most of the model's recall).
            guard Double(counts.count - having.count) < Self.imputedEmptyShare * Double(counts.count) else { return 0.0 }
            return Self.emptyGroupMargin(
                margins: having.map { margins[$0] }, contributions: having.map { contributions[$0][group] })
        }
        let probabilities = margins.indices.map { index in
            var margin = margins[index]
            for group in 0..<groups where !isFilled(index, group) {
                margin += imputed[group]
            }
            return LogisticModel.sigmoid(margin)
        }
        return (probabilities, imputed.map(Float.init))
    }

    /// Whether training imputes empty field groups: when the parameters ask for it and scale each group on its own.
    public var imputes: Bool { hashing.imputeEmptyGroups && hashing.groupNorm }

    /// Only a field group that fewer than this share of the training postings leave empty gets an imputed margin
    /// (ADR 0029); a group left empty more often adds nothing when empty, as without imputation.
    public static let imputedEmptyShare = 0.05

    /// The margin δ that keeps the mean probability of postings that have a group when the group's contribution is
    /// replaced by δ: mean σ(mᵢ − cᵢ + δ) = mean σ(mᵢ), found by bisection (the left side grows with δ). Matching
    /// in probability, not in margin: the mean margin is that of a typical — honest — posting, far below the mean
    /// probability's (measured on ORFD: imputing the mean contribution put every partly filled posting near p 0).
    /// The bracket starts at ±64 and doubles until it holds the root (up to ±2^20; beyond, the mean probability no
    /// longer changes in a `Double`).
    public static func emptyGroupMargin(margins: [Double], contributions: [Double]) -> Double {
        guard !margins.isEmpty, margins.count == contributions.count else { return 0 }
        let target = margins.reduce(0) { $0 + LogisticModel.sigmoid($1) } / Double(margins.count)
        let without = zip(margins, contributions).map { $0 - $1 }
        func mean(_ delta: Double) -> Double {
            without.reduce(0) { $0 + LogisticModel.sigmoid($1 + delta) } / Double(without.count)
        }
        var low = -64.0, high = 64.0
        while mean(low) > target, low > -0x1p20 { low *= 2 }
        while mean(high) < target, high < 0x1p20 { high *= 2 }
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if mean(middle) < target { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}

/// What the grouped folds that choose a model's bands keep together: postings in one group never sit on both sides
/// of a fold (ADR 0030).
public enum BandFolds: String, Sendable, Hashable, Codable, CaseIterable {
    /// Postings with the same normalised description (copies of one posting).
    case description
    /// Postings with the same description or the same company name, directly or through a chain of such postings:
    /// no copy and no employer on both sides, so the bands are chosen on employers the fold's model has not seen.
    case descriptionAndCompany = "description+company"

    /// Each posting's group key under this grouping.
    public func keys(_ postings: [LabelledPosting]) -> [UInt64] {
        switch self {
        case .description: postings.map(\.groupKey)
        case .descriptionAndCompany: GroupFolds.joined(postings.map(\.groupKey), postings.map(\.companyKey))
        }
    }

    /// The grouping training uses and its keys: this one, unless it is `descriptionAndCompany` and no posting names a
    /// company (the groups are then those of `description`), or its groups are too coarse for `folds` folds — one
    /// group holding more than half of the postings (say every posting names the same company, or a placeholder such
    /// as 保密), or fewer groups with a fraudulent posting than grouping by description gives, up to `folds` — in
    /// which case the folds group by description (and the model records that). Fraudulent postings concentrated in
    /// one large group are not caught by these tests (ADR 0030).
    public func effectiveKeys(_ postings: [LabelledPosting], folds: Int) -> (BandFolds, [UInt64]) {
        let byDescription = BandFolds.description.keys(postings)
        guard self == .descriptionAndCompany, postings.contains(where: \.hasCompany) else {
            return (.description, byDescription)
        }
        let joined = GroupFolds.joined(byDescription, postings.map(\.companyKey))
        var sizes: [UInt64: Int] = [:]
        for key in joined { sizes[key, default: 0] += 1 }
        func fraudulentGroups(_ keys: [UInt64]) -> Int {
            Set(zip(keys, postings).filter { $0.1.label }.map(\.0)).count
        }
        let coarse = 2 * (sizes.values.max() ?? 0) > postings.count
            || fraudulentGroups(joined) < min(folds, fraudulentGroups(byDescription))
        return coarse ? (.description, byDescription) : (self, joined)
    }
}
