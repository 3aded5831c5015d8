import Foundation
import LearnedScore
import RuleKit
import Testing

/// Imputation of empty field groups (ADR 0029): the margin an empty group adds, how training chooses it, how the
/// model file carries it, and what it does to a posting that fills fewer fields than the training data.
@Suite("empty field groups")
struct EmptyGroupTests {
    /// The fixture's postings, each with the same welfare text: a field every training posting fills and that says
    /// nothing about the label.
    static let withWelfare: [LabelledPosting] = Fixture.postings.map { posting in
        var subject = posting.subject
        subject.fields.append(SubjectField(name: "welfare", text: "五险一金 双休 带薪年假 节日福利"))
        return LabelledPosting(subject: subject, label: posting.label)
    }

    static func hashing(impute: Bool) -> HashingParameters {
        HashingParameters(
            bits: 16, fieldGroups: ["title": "title+description", "description": "title+description",
                                    "company": "company", "salary": "salary", "welfare": "welfare"],
            imputeEmptyGroups: impute)
    }

    static func model(impute: Bool) -> LearnedModel {
        ModelTrainer(hashing: hashing(impute: impute), options: TrainingOptions(epochs: 20, seed: 3), folds: 4)
            .train(withWelfare, dataSHA256: "fixture", trainedAt: "2026-01-01")
    }

    @Test("the imputed margin keeps the mean probability of the postings that have the group")
    func marginKeepsMeanProbability() {
        var generator = SeededGenerator(seed: 11)
        func value(_ scale: Double) -> Double { Double(Int64(bitPattern: generator.next() % 2001) - 1000) / 1000 * scale }
        for _ in 0..<20 {
            let margins = (0..<50).map { _ in value(8) - 3 }
            let contributions = (0..<50).map { _ in value(3) }
            let delta = ModelTrainer.emptyGroupMargin(margins: margins, contributions: contributions)
            let target = margins.map(LogisticModel.sigmoid).reduce(0, +) / 50
            let imputed = zip(margins, contributions).map { LogisticModel.sigmoid($0 - $1 + delta) }.reduce(0, +) / 50
            #expect(abs(imputed - target) < 1e-9)
            // With every posting's contribution the same, δ is that contribution — also far outside ±64, where the
            // bisection must widen its bracket first.
            for contribution in [-1.25, 100, -300] {
                let same = ModelTrainer.emptyGroupMargin(margins: margins, contributions: margins.map { _ in contribution })
                #expect(abs(same - contribution) < 1e-9, "\(same) for \(contribution)")
            }
        }
        #expect(ModelTrainer.emptyGroupMargin(margins: [], contributions: []) == 0)
    }

    @Test("training stores one finite margin per field group in a format-5 file that reads back the same")
    func storedInTheFile() throws {
        let model = Self.model(impute: true)
        let margins = try #require(model.header.emptyGroupMargins)
        #expect(Set(margins.keys) == ["title+description", "company", "salary", "welfare"])
        #expect(margins.values.allSatisfy { $0.isFinite })
        #expect(model.header.formatVersion == 5)
        let read = try LearnedModel.decode(model.encoded(), path: "m")
        #expect(read.encoded() == model.encoded())
        let bare = Fixture.posting("招聘仓库理货员，工作认真负责，按时发放工资", title: "理货员")
        #expect(read.probability(for: bare) == model.probability(for: bare))
        // Training without imputation gives the same weights and bands' inputs but no margins.
        let plain = Self.model(impute: false)
        #expect(plain.header.emptyGroupMargins == nil && plain.header.formatVersion == 2)
        #expect(plain.model == model.model)
    }

    @Test("a posting without the welfare every training posting had scores near its full self only with imputation")
    func partlyFilledPostings() {
        let imputing = Self.model(impute: true), plain = Self.model(impute: false)
        var gapImputed = 0.0, gapPlain = 0.0
        for (full, posting) in zip(Self.withWelfare, Fixture.postings) {
            let reference = plain.probability(for: full.subject)
            #expect(imputing.probability(for: full.subject) == reference, "a full posting has nothing to impute")
            gapImputed += abs(imputing.probability(for: posting.subject) - reference)
            gapPlain += abs(plain.probability(for: posting.subject) - reference)
        }
        #expect(gapImputed < gapPlain / 2, "mean gap imputed \(gapImputed / 40), plain \(gapPlain / 40)")
    }

    @Test("a group that 5 % or more of the training postings leave empty gets margin 0: the model has learnt its emptiness")
    func oftenEmptyGroupNotImputed() throws {
        // Welfare in every other posting (50 % empty), and in all but one (2.5 % empty).
        for (every, imputed) in [(2, false), (40, true)] {
            let postings = Self.withWelfare.enumerated().map { index, posting in
                var subject = posting.subject
                if index % every == 0 { subject.fields.removeLast() }
                return LabelledPosting(subject: subject, label: posting.label)
            }
            let model = ModelTrainer(hashing: Self.hashing(impute: true), options: TrainingOptions(epochs: 20, seed: 3), folds: 4)
                .train(postings, dataSHA256: "fixture", trainedAt: "2026-01-01")
            let margins = try #require(model.header.emptyGroupMargins)
            #expect((margins["welfare"] != 0) == imputed, "welfare empty in 1 of \(every): \(margins)")
            #expect(margins["company"] != 0 && margins["salary"] != 0)
            let summary = ModelReportText.trainingSummary(model.header, thresholds: Thresholds())
            #expect(summary.contains("not imputed, often empty in the training data: welfare") == !imputed, "\(summary)")
        }
        #expect(ModelTrainer.imputedEmptyShare == 0.05)
    }

    @Test("a trainer with one fold, or without per-group norms, still trains: two folds, and no imputation")
    func oddTrainers() throws {
        var trainer = ModelTrainer(hashing: Self.hashing(impute: true), options: TrainingOptions(epochs: 5, seed: 3))
        trainer.folds = 1
        let model = trainer.train(Self.withWelfare, dataSHA256: "fixture", trainedAt: "2026-01-01")
        #expect(model.header.training.folds == 2)
        #expect(model.header.emptyGroupMargins?.count == 4)
        trainer.folds = 4
        trainer.hashing.groupNorm = false
        let whole = trainer.train(Self.withWelfare, dataSHA256: "fixture", trainedAt: "2026-01-01")
        #expect(whole.header.emptyGroupMargins == nil && !whole.header.hashing.imputeEmptyGroups)
        #expect(whole.header.formatVersion == 2)
        #expect(try LearnedModel.decode(whole.encoded(), path: "m").encoded() == whole.encoded())
    }

    @Test("a header whose margins miss a group, name another, are missing, or come without imputation is refused as corrupt")
    func badMarginsRefused() {
        let source = Self.model(impute: true)
        let changes: [(inout ModelHeader) -> Void] = [
            { $0.emptyGroupMargins?["welfare"] = nil }, { $0.emptyGroupMargins?["contact"] = 1 },
            { $0.emptyGroupMargins = nil },
            { $0.hashing.imputeEmptyGroups = false; $0.formatVersion = 2 },
        ]
        for change in changes {
            var header = source.header
            change(&header)
            let bytes = ModelFileCodec.encode(header: header, weights: source.model.weights,
                                              bucketWeights: source.extractor.bucketWeights)
            let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m.rdmodel") }
            guard case .corrupt(let detail) = error?.reason else {
                Issue.record("expected corrupt, got \(String(describing: error))")
                continue
            }
            #expect(detail.contains("empty-group margins"))
        }
    }
}
