import Foundation
import LearnedScore
import RuleKit
import Testing

@Suite("NB-SVM weighting")
struct NBWeightingTests {
    static let nbHashing = Fixture.smallHashing.nbSVM()
    static let model = Fixture.model(hashing: nbHashing)

    /// Term-frequency vectors with value 1 at the given buckets.
    static func presence(_ buckets: [Int32]) -> SparseVector {
        SparseVector(indices: buckets, values: buckets.map { _ in 1 })
    }

    @Test("log-count ratios match a hand computation on four buckets")
    func handComputed() {
        // Fraudulent postings have buckets {0, 1} and {0}; the honest one has {1, 2}; bucket 3 is never seen.
        // α = 1: p = (3, 2, 1), ‖p‖₁ = 6; q = (1, 2, 2), ‖q‖₁ = 5 (only the three seen buckets count).
        let counts = [Self.presence([0, 1]), Self.presence([0]), SparseVector(indices: [2, 1], values: [-1, 2])]
        let ratios = FeatureExtractor.logCountRatios(counts, labels: [true, true, false], buckets: 4, alpha: 1)
        #expect(abs(ratios[0] - Float(log((3.0 / 6) / (1.0 / 5)))) < 1e-6)
        #expect(abs(ratios[1] - Float(log((2.0 / 6) / (2.0 / 5)))) < 1e-6)
        #expect(abs(ratios[2] - Float(log((1.0 / 6) / (2.0 / 5)))) < 1e-6)
        #expect(ratios[3] == 0)
        #expect(ratios[0] > 0 && ratios[2] < 0)
    }

    @Test("a bucket of text seen only in fraudulent postings gets a positive ratio, only in honest ones a negative")
    func signOfRatio() throws {
        let extractor = FeatureExtractor(parameters: Self.nbHashing)
        let fraudulent = extractor.counts(for: Fixture.posting("押金"))
        let honest = extractor.counts(for: Fixture.posting("五险"))
        // Two scalars give three n-grams each (two 1-grams, one 2-gram); no bucket shared at 16 bits.
        try #require(fraudulent.count == 3 && honest.count == 3)
        try #require(Set(fraudulent.indices).isDisjoint(with: honest.indices))
        let ratios = FeatureExtractor.logCountRatios(
            [fraudulent, honest], labels: [true, false], buckets: Self.nbHashing.bucketCount, alpha: 1)
        // Six seen buckets: ‖p‖₁ = ‖q‖₁ = 6 + 3 = 9, so r = ln((2/9) / (1/9)) = ln 2 and −ln 2.
        for index in fraudulent.indices { #expect(abs(ratios[Int(index)] - Float(log(2.0))) < 1e-6) }
        for index in honest.indices { #expect(abs(ratios[Int(index)] + Float(log(2.0))) < 1e-6) }
        #expect(ratios.filter { $0 != 0 }.count == 6)
        let half = FeatureExtractor.logCountRatios(
            [fraudulent, honest], labels: [true, false], buckets: Self.nbHashing.bucketCount, alpha: 0.5)
        // α = 0.5: ‖p‖₁ = ‖q‖₁ = 3 + 3, r = ln(1.5 / 0.5) = ln 3.
        #expect(abs(half[Int(fraudulent.indices[0])] - Float(log(3.0))) < 1e-6)
    }

    @Test("binary term frequencies count a repeated n-gram once and keep its hash sign")
    func binaryTF() {
        let binary = FeatureExtractor(parameters: Self.nbHashing).counts(for: Fixture.posting("押金押金押金"))
        let sublinear = FeatureExtractor(parameters: Fixture.smallHashing).counts(for: Fixture.posting("押金押金押金"))
        #expect(binary.indices == sublinear.indices)
        #expect(binary.values.allSatisfy { abs($0) == 1 })
        #expect(sublinear.values.contains { abs($0) > 1 })
        #expect(zip(binary.values, sublinear.values).allSatisfy { ($0 > 0) == ($1 > 0) })
    }

    @Test("training with NB weighting twice with one seed writes the same bytes, as format version 5 (empty groups imputed by default)")
    func deterministic() {
        let first = Fixture.model(seed: 42, hashing: Self.nbHashing).encoded()
        let second = Fixture.model(seed: 42, hashing: Self.nbHashing).encoded()
        #expect(first == second)
        #expect(first[8] == 5)
        #expect(first != Fixture.model(seed: 43, hashing: Self.nbHashing).encoded())
    }

    @Test("an NB model round-trips through the file codec with its ratios and scores the same")
    func roundTrip() throws {
        let model = Self.model
        let ratios = try #require(model.extractor.bucketWeights)
        #expect(ratios.contains { $0 > 0 } && ratios.contains { $0 < 0 })
        #expect(model.header.idfUnseen == nil)
        let read = try LearnedModel.decode(model.encoded(), path: "nb.rdmodel")
        #expect(read.header == model.header)
        #expect(read.header.hashing.nbRatio && read.header.hashing.binaryTF && !read.header.hashing.idf)
        #expect(read.model == model.model)
        #expect(read.extractor.bucketWeights == ratios)
        for posting in Fixture.postings {
            #expect(read.probability(for: posting.subject) == model.probability(for: posting.subject))
        }
    }

    @Test("the NB model learns the fixture and ranks an unseen scam above an unseen honest posting")
    func learns() {
        let model = Self.model
        let correct = Fixture.postings.filter { (model.probability(for: $0.subject) >= 0.5) == $0.label }.count
        #expect(Double(correct) / Double(Fixture.postings.count) >= 0.95)
        let scam = model.probability(for: Fixture.posting("在家兼职，日赚五百，无需经验，先交押金，加微信领任务。", title: "轻松日结"))
        let honest = model.probability(for: Fixture.posting("负责门店商品陈列和盘点，缴纳五险一金，双休。", title: "理货员"))
        #expect(scam > honest)
    }

    @Test("evidence of an NB model quotes n-grams that pushed the score up")
    func evidence() throws {
        var header = Self.model.header
        header.bands = ScoreBands(suspicious: 0, likelyFraud: ScoreBands.off)
        let model = LearnedModel(header: header, weights: Self.model.model.weights, bucketWeights: Self.model.extractor.bucketWeights)
        let subject = Fixture.posting("在家兼职，日赚五百，先交押金，加微信领任务。", title: "轻松日结打字员")
        let module = LearnedScore(model: model, thresholds: Thresholds())
        let finding = try #require(try module.evaluate(subject, context: EmptyContext()).first)
        #expect(!finding.evidence.isEmpty)
        let vector = model.extractor.vector(for: subject)
        for item in finding.evidence {
            let text = try #require(subject.text(of: item.field))
            #expect(String(decoding: Array(text.utf8)[item.start..<item.end], as: UTF8.self) == item.excerpt)
            // The quoted n-gram's bucket: its weight times its feature value must be positive.
            var contribution: Float = 0
            model.extractor.hasher.forEachNGram(in: subject) { occurrence in
                guard occurrence.start == item.start, occurrence.end == item.end,
                      subject.fields[occurrence.fieldIndex].name == item.field,
                      let position = vector.indices.firstIndex(of: Int32(occurrence.bucket)) else { return }
                contribution = model.model.weights[occurrence.bucket] * vector.values[position]
            }
            #expect(contribution > 0, "\(item.excerpt)")
        }
    }
}
