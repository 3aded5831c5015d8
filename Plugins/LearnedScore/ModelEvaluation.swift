import RuleKit

/// Measures rules, model and combination on labelled postings: with a given model, or by grouped
/// cross-validation in which every fold's model and bands are chosen without seeing that fold.
public enum ModelEvaluation {
    /// Figures of a trained model on labelled postings (rule scores included in each posting).
    ///
    /// `dataSHA256` is the SHA-256 of the file the postings were read from, when known; if it is the one recorded
    /// at training, the report says the figures are not held-out (`evaluatedOnTrainingData`).
    public static func evaluate(
        _ model: LearnedModel, on postings: [LabelledPosting], thresholds: Thresholds, skipped: Int = 0,
        dataSHA256: String? = nil
    ) -> ModelReport {
        var report = ModelReport(method: "model", bands: model.header.bands)
        report.evaluatedOnTrainingData = dataSHA256 == model.header.training.dataSHA256
        let probabilities = postings.map { model.probability(for: $0.subject) }
        add(postings, probabilities: probabilities, scored: postings.map { model.scores($0.subject) },
            bands: model.header.bands, thresholds: thresholds, to: &report)
        report.calibration = CalibrationBin.table(probabilities: probabilities, labels: postings.map(\.label))
        report.skipped = skipped
        return report
    }

    /// Grouped k-fold cross-validation of the whole training procedure (nested: each outer fold's trainer runs its
    /// own inner folds to choose bands).
    ///
    /// - Parameters:
    ///   - postings: labelled postings with rule scores.
    ///   - trainer: the training procedure (its `folds` are the inner folds).
    ///   - folds: outer folds.
    ///   - tested: what each held-out posting is judged as, in the order of `postings` (default: the posting
    ///     itself) — e.g. the same postings with fewer fields, to measure a model trained on full postings on
    ///     partly filled ones.
    public static func crossValidate(
        _ postings: [LabelledPosting], trainer: ModelTrainer, folds: Int, skipped: Int = 0,
        tested: [LabelledPosting]? = nil
    ) -> ModelReport {
        let tested = tested?.count == postings.count ? tested! : postings
        let labels = postings.map(\.label)
        let foldOf = GroupFolds.assign(
            keys: postings.map(\.groupKey), labels: labels, folds: folds, seed: trainer.options.seed ^ 0x5EED)
        var report = ModelReport(method: "grouped cross-validation, \(max(2, folds)) folds", bands: .silent)
        var allProbabilities: [Double] = []
        var allLabels: [Bool] = []
        for fold in 0..<max(2, folds) {
            let train = postings.indices.filter { foldOf[$0] != fold }.map { postings[$0] }
            let test = postings.indices.filter { foldOf[$0] == fold }.map { tested[$0] }
            guard !test.isEmpty, !train.isEmpty else { continue }
            let model = trainer.train(train, dataSHA256: "", trainedAt: "")
            let probabilities = test.map { model.probability(for: $0.subject) }
            add(test, probabilities: probabilities, scored: test.map { model.scores($0.subject) },
                bands: model.header.bands, thresholds: trainer.thresholds, to: &report)
            report.bands = model.header.bands
            allProbabilities += probabilities
            allLabels += test.map(\.label)
        }
        report.calibration = CalibrationBin.table(probabilities: allProbabilities, labels: allLabels)
        report.skipped = skipped
        return report
    }

    /// Leave-one-source-out evaluation: for each distinct value of `sources` (a city, a platform, a month…), a model
    /// trained — bands and all, by `trainer`'s own inner folds — on the postings of every other source judges the
    /// postings of that one. Cross-validation mixes every source into every fold; this measures what a site sees
    /// when it scans postings from a source its training data did not hold.
    ///
    /// - Parameters:
    ///   - postings: labelled postings with rule scores.
    ///   - sources: each posting's source, in the order of `postings` (an empty string is a source of its own).
    ///   - trainer: the training procedure.
    /// - Returns: one report per source held out (sorted by source; a source is skipped when the others hold no
    ///   fraudulent or no honest posting to train on), and one report of all held-out postings pooled. Nil when
    ///   `sources` does not have one entry per posting or names fewer than two sources.
    public static func holdOut(
        _ postings: [LabelledPosting], sources: [String], trainer: ModelTrainer
    ) -> (bySource: [(source: String, report: ModelReport)], pooled: ModelReport)? {
        guard sources.count == postings.count else { return nil }
        let names = Set(sources).sorted()
        guard names.count >= 2 else { return nil }
        var pooled = ModelReport(method: "held out by source, \(names.count) sources", bands: .silent)
        var bySource: [(source: String, report: ModelReport)] = []
        var allProbabilities: [Double] = []
        var allLabels: [Bool] = []
        for name in names {
            let train = postings.indices.filter { sources[$0] != name }.map { postings[$0] }
            let test = postings.indices.filter { sources[$0] == name }.map { postings[$0] }
            guard train.contains(where: \.label), train.contains(where: { !$0.label }) else { continue }
            let model = trainer.train(train, dataSHA256: "", trainedAt: "")
            let probabilities = test.map { model.probability(for: $0.subject) }
            let scored = test.map { model.scores($0.subject) }
            let grouping = (model.header.training.bandFolds ?? .description).rawValue
            var report = ModelReport(method: "held out: \(name) (bands on folds grouped by \(grouping))", bands: model.header.bands)
            add(test, probabilities: probabilities, scored: scored, bands: model.header.bands,
                thresholds: trainer.thresholds, to: &report)
            report.calibration = CalibrationBin.table(probabilities: probabilities, labels: test.map(\.label))
            add(test, probabilities: probabilities, scored: scored, bands: model.header.bands,
                thresholds: trainer.thresholds, to: &pooled)
            pooled.bands = model.header.bands
            bySource.append((name, report))
            allProbabilities += probabilities
            allLabels += test.map(\.label)
        }
        pooled.method = "held out by source, \(bySource.count) of \(names.count) sources judged (each by its own model and "
            + "bands; the bands shown are the last one's)"
        pooled.calibration = CalibrationBin.table(probabilities: allProbabilities, labels: allLabels)
        return (bySource, pooled)
    }

    /// Adds postings to the report as the scan judges them: a posting the model does not score (too little text,
    /// `scored` false) gets no model points; the calibration table still shows its probability.
    static func add(
        _ postings: [LabelledPosting], probabilities: [Double], scored: [Bool], bands: ScoreBands,
        thresholds: Thresholds, to report: inout ModelReport
    ) {
        for ((posting, probability), scored) in zip(zip(postings, probabilities), scored) {
            let rules = thresholds.verdict(for: posting.ruleScore)
            let points = scored ? bands.points(for: probability, thresholds: thresholds) : 0
            let model = thresholds.verdict(for: points)
            let combined = thresholds.verdict(for: posting.ruleScore + points)
            report.labelled += 1
            if posting.label { report.positives += 1 }
            report.rules.add(rules, actual: posting.label)
            report.model.add(model, actual: posting.label)
            report.combined.add(combined, actual: posting.label)
            if combined < rules { report.lostByCombination += 1 }
        }
    }
}
