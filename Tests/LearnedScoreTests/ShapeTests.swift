import LearnedScore
import RuleKit
import Testing

/// A posting with the given fields (others absent).
private func subject(_ fields: [(String, String)]) -> Subject {
    Subject(kind: .jobPosting, id: "s", fields: fields.map { SubjectField(name: $0.0, text: $0.1) })
}

/// The value of a named shape feature.
private func shape(_ values: [Float], _ name: String) -> Float? {
    PostingShape.names.firstIndex(of: name).map { values[$0] }
}

@Suite("posting shape features")
struct ShapeTests {
    static let loud = subject([
        ("title", "理货员"), ("subtitle", "理货员"), ("salary", "3000-12000元/月"), ("welfare", "包吃住_五险一金_"),
        ("requirements", "高中_1-3年,可接收应届生"),
        ("description", "1、理货！！2. 日薪300元，加微信13812345678\n详见 WWW.example.com 😀"),
        ("company", "某某公司"), ("companyIntro", "联系电话 13900001111"),
    ])

    @Test("every name has a value and every value is finite")
    func namesAndValues() {
        for posting in [Self.loud, subject([]), subject([("salary", "面议")])] {
            let values = PostingShape.values(for: posting)
            #expect(values.count == PostingShape.names.count)
            #expect(values.allSatisfy { $0.isFinite })
        }
        #expect(Set(PostingShape.names).count == PostingShape.names.count)
    }

    @Test("salary, requirement and welfare are parsed from a hand-written posting")
    func parsedFields() {
        let values = PostingShape.values(for: Self.loud)
        #expect(shape(values, "salary.negotiable") == 0)
        #expect(shape(values, "salary.ratio") == 4)
        #expect(shape(values, "salary.atLeast10000") == 1)
        #expect(abs((shape(values, "salary.low") ?? 0) - 8.006701) < 1e-4)  // ln(3001)
        #expect(shape(values, "requirements.高中") == 1)
        #expect(shape(values, "requirements.大专") == 0)
        #expect(shape(values, "requirements.anyEducation") == 0)
        #expect(shape(values, "requirements.graduatesWelcome") == 1)
        #expect(shape(values, "requirements.years") == 1)
        #expect(shape(values, "welfare.tags") == 2)
        #expect(shape(values, "empty.welfare") == 0)
        #expect(abs((shape(values, "length.title") ?? 0) - 1.386294) < 1e-4)  // ln(1 + 3)
    }

    @Test("counts of phones, links, emoji, punctuation runs, contact words, money and numbered items")
    func counts() {
        let values = PostingShape.values(for: Self.loud)
        #expect(shape(values, "all.phones") == 2)  // one in the description, one in the company introduction
        #expect(shape(values, "all.links") == 2)  // "www." and ".com"
        #expect(shape(values, "all.emoji") == 1)
        #expect(shape(values, "all.punctuationRuns") == 1)  // "！！"
        #expect(shape(values, "all.contactWords") == 3)  // 微信, 联系, 电话
        #expect(shape(values, "description.numberedItems") == 2)  // "1、" and "2."
        #expect(shape(values, "description.lines") == 1)
        #expect(abs((shape(values, "description.money") ?? 0) - 0.693147) < 1e-4)  // one amount: ln 2
        #expect(abs((shape(values, "description.exclamations") ?? 0) - 1.098612) < 1e-4)  // two: ln 3
    }

    @Test("repeated title text is noticed")
    func repetition() {
        let values = PostingShape.values(for: Self.loud)
        #expect(shape(values, "title.equalsSubtitle") == 1)
        #expect(shape(values, "title.subtitleOverlap") == 1)
        #expect(shape(values, "title.inDescription") == 0)
        let other = PostingShape.values(for: subject([("title", "Ｓales 9"), ("subtitle", "sales 1 急招"),
                                                      ("description", "招 Ｓales 9 名")]))
        #expect(shape(other, "title.inDescription") == 1)
        #expect(shape(other, "title.equalsSubtitle") == 0)
        #expect((shape(other, "title.subtitleOverlap") ?? 0) > 0.5)
    }

    @Test("a negotiable salary and missing fields give flags, not errors",
          arguments: ["薪资面议", "", "3000元/月", "3000-元/月", "面议-5000元/月", "3000-5000元/天"])
    func negotiable(salary: String) {
        let values = PostingShape.values(for: subject([("salary", salary)]))
        #expect(shape(values, "salary.negotiable") == 1)
        #expect(shape(values, "salary.high") == 0)
        #expect(shape(values, "empty.welfare") == 1)
        #expect(shape(values, "length.description") == 0)
        #expect(shape(values, "description.asciiShare") == 0)
    }
}

@Suite("posting shape in the model")
struct ShapeModelTests {
    @Test("scaling standardises each feature with the training mean and spread")
    func scaling() {
        let width = PostingShape.names.count
        let rows = [[Float](repeating: 1, count: width), [Float](repeating: 3, count: width)]
        let scaling = ShapeScaling(fitting: rows, weight: 0.5)
        #expect(scaling.means.allSatisfy { $0 == 2 })
        #expect(scaling.scales.allSatisfy { $0 == 1 })
        let entries = scaling.entries([Float](repeating: 3, count: width), offset: 100)
        #expect(entries.indices == (0..<width).map { Int32(100 + $0) })
        #expect(entries.values.allSatisfy { $0 == 0.5 })
        let constant = ShapeScaling(fitting: [rows[0], rows[0]], weight: 1)
        #expect(constant.scales.allSatisfy { $0 == 1 })
        #expect(constant.entries(rows[0], offset: 0).count == 0)
        #expect(scaling.problem == nil)
    }

    @Test("training with shape features is deterministic for a seed and stores their scaling")
    func deterministic() throws {
        let first = Fixture.model(seed: 5)
        let second = Fixture.model(seed: 5)
        #expect(first.encoded() == second.encoded())
        let shape = try #require(first.header.shape)
        #expect(shape.names == PostingShape.names)
        #expect(first.model.weights.count == first.header.hashing.bucketCount + PostingShape.names.count)
        #expect(first.model.weights[first.header.hashing.bucketCount...].contains { $0 != 0 })
        #expect(first.header.formatVersion == 3)
    }

    @Test("a model without shape features reads n-grams only, as before")
    func switchedOff() {
        let trainer = ModelTrainer(
            hashing: Fixture.smallHashing, options: TrainingOptions(epochs: 20, seed: 1), folds: 4, shapeWeight: nil)
        let model = trainer.train(Fixture.postings, dataSHA256: "fixture", trainedAt: "2026-01-01")
        #expect(model.header.shape == nil)
        #expect(model.model.weights.count == model.header.hashing.bucketCount)
    }

    @Test("the shape features change the score of a posting whose n-grams stay the same")
    func shapeMoves() {
        let model = Fixture.model()
        // The hasher folds a run of spaces into one, so both have the same n-grams; their lengths differ.
        let one = subject([("title", "理货员"), ("description", "负责 商品陈列")])
        let three = subject([("title", "理货员"), ("description", "负责   商品陈列")])
        let ngrams = FeatureExtractor(parameters: model.header.hashing)
        #expect(ngrams.counts(for: one) == ngrams.counts(for: three))
        #expect(model.header.shape != nil)
        #expect(model.probability(for: one) != model.probability(for: three))
    }
}

@Suite("model file versions")
struct ModelFileVersionTests {
    @Test("a version-2 file (no shape features) is still read and scores as written")
    func versionTwoRead() throws {
        let trainer = ModelTrainer(
            hashing: Fixture.smallHashing, options: TrainingOptions(epochs: 5, seed: 1), folds: 4, shapeWeight: nil)
        let model = trainer.train(Fixture.postings, dataSHA256: "fixture", trainedAt: "2026-01-01")
        var header = model.header
        header.formatVersion = 2
        let bytes = ModelFileCodec.encode(header: header, weights: model.model.weights, idf: model.extractor.idf)
        let read = try LearnedModel.decode(bytes, path: "old.rdmodel")
        #expect(read.header.formatVersion == 2)
        #expect(read.header.shape == nil)
        let posting = Fixture.postings[0].subject
        #expect(read.probability(for: posting) == model.probability(for: posting))
    }

    @Test("a version-2 file that claims shape features is refused as corrupt")
    func versionTwoWithShape() {
        let model = Fixture.model()
        var header = model.header
        header.formatVersion = 2
        let bytes = ModelFileCodec.encode(header: header, weights: model.model.weights, idf: model.extractor.idf)
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m") }
        guard case .corrupt(let detail) = error?.reason else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("shape"))
    }

    @Test("a model with another shape scheme or feature list is refused as incompatible",
          arguments: ["posting-shape-v0", "names"])
    func mismatchedShape(change: String) {
        let model = Fixture.model()
        var header = model.header
        if change == "names" { header.shape?.names.removeLast() } else { header.shape?.scheme = change }
        let bytes = ModelFileCodec.encode(header: header, weights: model.model.weights, idf: model.extractor.idf)
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m") }
        guard case .incompatible(let detail) = error?.reason else {
            Issue.record("expected incompatible, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("shape"))
    }
}
