import Foundation
import LearnedScore
import RuleKit
import Testing

/// The scoring path (`FeatureExtractor.margin(for:model:)`, summing in scratch memory) against the path training
/// uses (`vector(for:)`, then `LogisticModel.margin`), and `counts(for:)` against a plain reference built from the
/// hasher's occurrences.
@Suite("scoring path")
struct ScoringPathTests {
    /// Texts that exercise repeats, cancelling signs, white-space runs, full-width forms, emoji and empty fields.
    static let subjects: [Subject] = {
        var subjects = Fixture.postings.map(\.subject)
        subjects.append(Fixture.posting("押金押金押金押金 押金", title: "押金"))
        subjects.append(Fixture.posting("ＶＸ：abc123　　 日结😀😀 \n\t 日结", title: ""))
        subjects.append(Fixture.posting("", title: ""))
        subjects.append(Subject(kind: .jobPosting, id: "c", fields: [
            SubjectField(name: "contact", text: "13800000000"), SubjectField(name: "company", text: "某某劳务派遣有限公司"),
            SubjectField(name: "salary", text: "8000-12000元/月"), SubjectField(name: "welfare", text: "包吃住 五险一金"),
        ]))
        subjects.append(Fixture.posting(String(repeating: "高薪日结，", count: 300), title: "急招"))
        return subjects
    }()

    static let parameterSets: [(String, HashingParameters)] = {
        let groups = ["title": "title+description", "description": "title+description", "company": "company",
                      "salary": "salary", "welfare": "welfare"]
        var sets: [(String, HashingParameters)] = [
            ("default", HashingParameters(bits: 12, fieldGroups: groups)),
            ("plain TF, one norm", HashingParameters(bits: 12, fieldGroups: groups, sublinearTF: false, groupNorm: false)),
            ("no IDF", HashingParameters(bits: 12, fieldGroups: groups, idf: false)),
            ("bigrams only", HashingParameters(bits: 10, minN: 2, maxN: 2, fieldGroups: groups)),
        ]
        sets.append(("NB-SVM", HashingParameters(bits: 12, fieldGroups: groups).nbSVM(alpha: 0.5)))
        // Bucket weights of 0 (an NB ratio of unseen n-grams), tiny and huge ones: see `randomModel`.
        sets.append(("extreme bucket weights", HashingParameters(bits: 11, fieldGroups: groups)))
        return sets
    }()

    /// A model with pseudo-random weights and bucket weights, so that every bucket matters.
    static func randomModel(_ parameters: HashingParameters, seed: UInt64) -> (LogisticModel, [Float]?) {
        var generator = SeededGenerator(seed: seed)
        func value() -> Float { Float(Int64(bitPattern: generator.next() % 2001) - 1000) / 250 }
        let weights = (0..<parameters.bucketCount).map { _ in value() }
        var bucketWeights = parameters.hasBucketWeights ? (0..<parameters.bucketCount).map { _ in abs(value()) + 0.5 } : nil
        if parameters.bits == 11, var extreme = bucketWeights {
            // Every seventh bucket 1e20 (its square overflows), the other even ones 1e-30 (their squares underflow),
            // the odd ones 0: many groups have only 0 and 1e-30, whose norm is 0 though a value is not. The two paths
            // must agree on which groups are empty.
            for i in extreme.indices { extreme[i] = i % 7 == 0 ? 1e20 : (i % 2 == 0 ? 1e-30 : 0) }
            bucketWeights = extreme
        }
        return (LogisticModel(weights: weights, bias: value()), bucketWeights)
    }

    @Test("the scoring path gives the training path's margin to the bit, for every weighting, with and without imputed empty groups")
    func sameMargin() {
        for (name, parameters) in Self.parameterSets {
            let (model, bucketWeights) = Self.randomModel(parameters, seed: 7)
            let plain = FeatureExtractor(parameters: parameters, bucketWeights: bucketWeights)
            let groups = plain.hasher.groupNames.count
            let imputing = FeatureExtractor(parameters: parameters, bucketWeights: bucketWeights,
                                            emptyGroupMargins: (0..<groups).map { Float($0 + 1) * -0.37 })
            #expect((imputing.emptyGroupMargins != nil) == parameters.groupNorm, "\(name)")
            for subject in Self.subjects {
                let reference = model.margin(plain.vector(for: subject))
                let fast = plain.margin(for: subject, model: model)
                #expect(fast.bitPattern == reference.bitPattern, "\(name), \(subject.fields.map(\.text).joined().prefix(20)): \(fast) vs \(reference)")
                #expect(plain.margin(counts: plain.counts(for: subject), model: model).bitPattern == reference.bitPattern)
                let imputed = imputing.margin(counts: imputing.counts(for: subject), model: model)
                #expect(imputing.margin(for: subject, model: model).bitPattern == imputed.bitPattern, "\(name), imputed")
                // Independently: the imputed margin is the plain one plus the margins of the groups without a non-zero
                // term frequency × bucket weight (a bucket belongs to the group of its first n-gram: see below).
                guard let margins = imputing.emptyGroupMargins else { continue }
                let counts = plain.counts(for: subject)
                let filled = Set(counts.indices.indices.filter { position in
                    counts.values[position] * (bucketWeights?[Int(counts.indices[position])] ?? 1) != 0
                }.map { Int(counts.groups[$0]) })
                let added = margins.indices.filter { !filled.contains($0) }.reduce(0.0) { $0 + Double(margins[$1]) }
                #expect(abs(imputed - reference - added) < 1e-9, "\(name), \(subject.fields.map { "\($0.name)=\($0.text.prefix(12))" }): \(imputed) vs \(reference) + \(added)")
            }
        }
    }

    @Test("a trained model's probability and the module's finding follow the training path")
    func trainedModel() {
        let model = Fixture.model()
        var flagged = 0
        let module = LearnedScore(model: model, thresholds: Thresholds())
        for subject in Self.subjects {
            let reference = LogisticModel.sigmoid(
                model.extractor.margin(counts: model.extractor.counts(for: subject), model: model.model))
            #expect(model.probability(for: subject) == reference)
            let points = model.scores(subject) ? model.header.bands.points(for: reference, thresholds: Thresholds()) : 0
            let finding = module.finding(for: subject)
            #expect(finding.score == points)
            if points == 0 { #expect(finding.evidence.isEmpty) } else { flagged += 1 }
        }
        #expect(flagged > 0, "some fixture postings should reach a band")
    }

    @Test("counts are the signed occurrence sums per bucket, in order of first occurrence, cancelled ones dropped")
    func countsAgainstReference() {
        for (name, parameters) in Self.parameterSets {
            let extractor = FeatureExtractor(parameters: parameters)
            for subject in Self.subjects {
                var order: [Int32] = []
                var sums: [Int32: Float] = [:]
                var groups: [Int32: UInt8] = [:]
                extractor.hasher.forEachNGram(in: subject) { occurrence in
                    let bucket = Int32(occurrence.bucket)
                    if sums[bucket] == nil {
                        order.append(bucket)
                        groups[bucket] = UInt8(occurrence.group)
                    }
                    sums[bucket, default: 0] += occurrence.sign
                }
                let kept = order.filter { sums[$0] != 0 }
                let counts = extractor.counts(for: subject)
                #expect(counts.indices == kept, "\(name)")
                #expect(counts.groups == kept.map { groups[$0]! }, "\(name)")
                let expected = kept.map { bucket -> Float in
                    let sum = sums[bucket]!
                    let magnitude = parameters.binaryTF ? 1 : (parameters.sublinearTF ? 1 + log(abs(sum)) : abs(sum))
                    return sum < 0 ? -magnitude : magnitude
                }
                #expect(counts.values == expected, "\(name)")
            }
        }
    }
}
