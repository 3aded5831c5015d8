import LearnedScore
import RuleKit
import Testing

@Suite("training")
struct TrainingTests {
    @Test("the fixture has 20 fraudulent and 20 honest postings")
    func fixtureLoads() {
        #expect(Fixture.postings.count == 40)
        #expect(Fixture.postings.filter(\.label).count == 20)
    }

    @Test("training twice with one seed writes the same bytes")
    func deterministic() {
        let first = Fixture.model(seed: 42, hashing: HashingParameters()).encoded()
        let second = Fixture.model(seed: 42, hashing: HashingParameters()).encoded()
        #expect(first == second)
        #expect(first.count > 1000)
    }

    @Test("a different seed gives a different model")
    func seedMatters() {
        let first = Fixture.model(seed: 1).model.weights
        let second = Fixture.model(seed: 2).model.weights
        #expect(first != second)
    }

    @Test("the fixture postings are learned")
    func learnsFixture() {
        let model = Fixture.model()
        let correct = Fixture.postings.filter { (model.probability(for: $0.subject) >= 0.5) == $0.label }.count
        #expect(Double(correct) / Double(Fixture.postings.count) >= 0.95)
    }

    @Test("an unseen posting in the fraudulent style scores above an unseen honest one")
    func generalisesOnStyle() {
        let model = Fixture.model()
        let scam = model.probability(for: Fixture.posting("在家兼职，日赚五百，无需经验，先交押金，加微信领任务。", title: "轻松日结"))
        let honest = model.probability(for: Fixture.posting("负责门店商品陈列和盘点，缴纳五险一金，双休。", title: "理货员"))
        #expect(scam > honest)
    }

    @Test("the model records its provenance")
    func provenance() {
        let header = Fixture.model(seed: 9).header
        #expect(header.training.options.seed == 9)
        #expect(header.training.examples == 40)
        #expect(header.training.positives == 20)
        #expect(header.training.dataSHA256 == "fixture")
        #expect(header.training.trainedAt == "2026-01-01")
        // The default model imputes empty field groups (ADR 0029): format version 5, which older builds refuse.
        #expect(header.formatVersion == 5)
    }
}

@Suite("training and abstention")
struct TrainingAbstentionTests {
    @Test("postings too short for the model count with the rules alone in training's held-out figures")
    func shortPostingsHeldOut() {
        // Every fraudulent posting cut to 15 characters of description and no title: the model may not score them.
        let postings = Fixture.postings.map { posting -> LabelledPosting in
            guard posting.label else { return posting }
            let description = String((posting.subject.text(of: "description") ?? "").prefix(15))
            return LabelledPosting(subject: Fixture.posting(description), label: true)
        }
        let trainer = ModelTrainer(hashing: Fixture.smallHashing, options: TrainingOptions(epochs: 20, seed: 1), folds: 4)
        let model = trainer.train(postings, dataSHA256: "x", trainedAt: "2026-01-01")
        let heldOut = model.header.training.heldOut
        #expect(heldOut.suspicious.truePositives == 0, "no rule fires and the model abstains on every fraudulent one")
        #expect(heldOut.suspicious.falseNegatives == 20)
        // The same postings, long enough: the model catches some of them on held-out folds.
        let full = trainer.train(Fixture.postings, dataSHA256: "x", trainedAt: "2026-01-01")
        #expect(full.header.training.heldOut.suspicious.truePositives > 0)

        // Half of them long, half cut short: the short ones never count as caught, though their text is the
        // fraudulent kind the model learns from the long ones.
        var fraudulent = 0
        let mixed = Fixture.postings.map { posting -> LabelledPosting in
            guard posting.label else { return posting }
            fraudulent += 1
            guard fraudulent > 10 else { return posting }
            let description = String((posting.subject.text(of: "description") ?? "").prefix(15))
            return LabelledPosting(subject: Fixture.posting(description), label: true)
        }
        let half = trainer.train(mixed, dataSHA256: "x", trainedAt: "2026-01-01").header.training.heldOut
        #expect(half.suspicious.truePositives <= 10)
        #expect(half.suspicious.falseNegatives >= 10)
    }
}
