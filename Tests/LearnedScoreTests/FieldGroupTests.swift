import LearnedScore
import RuleKit
import Testing

@Suite("field groups")
struct FieldGroupTests {
    static func subject(_ fields: [(String, String)]) -> Subject {
        Subject(kind: .jobPosting, id: "g", fields: fields.map { SubjectField(name: $0.0, text: $0.1) })
    }

    @Test("a field spec names groups by their text; a repeated or empty spec is refused")
    func parsing() {
        let groups = HashingParameters.fieldGroups(parsing: "title+description, welfare,companyIntro")
        #expect(groups == ["title": "title+description", "description": "title+description",
                           "welfare": "welfare", "companyIntro": "companyIntro"])
        #expect(HashingParameters.fieldGroups(parsing: "title,title+description") == nil)
        #expect(HashingParameters.fieldGroups(parsing: " , ") == nil)
        var parameters = HashingParameters()
        parameters.fieldGroups = groups ?? [:]
        #expect(parameters.fieldSpec == "companyIntro,title+description,welfare")
    }

    @Test("each field group has unit length on its own, so a long description does not shrink the welfare features")
    func perGroupNorm() {
        let parameters = HashingParameters(bits: 16, fieldGroups: ["description": "d", "welfare": "w"])
        let extractor = FeatureExtractor(parameters: parameters)
        let short = extractor.vector(for: Self.subject([("description", "理货"), ("welfare", "包吃住")]))
        let long = extractor.vector(for: Self.subject([
            ("description", String(repeating: "负责门店商品陈列和盘点，按时上下班。", count: 20)), ("welfare", "包吃住"),
        ]))
        func welfareValues(_ vector: SparseVector) -> [Int32: Float] {
            let welfare = FeatureExtractor(parameters: HashingParameters(bits: 16, fieldGroups: ["welfare": "w"]))
                .vector(for: Self.subject([("welfare", "包吃住")]))
            let wanted = Set(welfare.indices)
            var values: [Int32: Float] = [:]
            for (index, value) in zip(vector.indices, vector.values) where wanted.contains(index) { values[index] = value }
            return values
        }
        #expect(!welfareValues(short).isEmpty)
        #expect(welfareValues(short) == welfareValues(long))
        let total = long.values.reduce(Float(0)) { $0 + $1 * $1 }
        #expect(abs(total - 2) < 1e-3)
        var whole = parameters
        whole.groupNorm = false
        let wholeLength = FeatureExtractor(parameters: whole).vector(for: Self.subject([("description", "理货"), ("welfare", "包吃住")]))
            .values.reduce(Float(0)) { $0 + $1 * $1 }
        #expect(abs(wholeLength - 1) < 1e-3)
    }

    @Test("the model file records the fields it read and scoring reads exactly those")
    func fieldsRecorded() throws {
        let groups = try #require(HashingParameters.fieldGroups(parsing: "title+description,welfare"))
        let parameters = HashingParameters(bits: 14, fieldGroups: groups)
        let trainer = ModelTrainer(hashing: parameters, options: TrainingOptions(epochs: 5, seed: 3), folds: 2)
        let postings = Fixture.postings.map { posting -> LabelledPosting in
            var copy = posting
            copy.subject = Subject(kind: .jobPosting, id: posting.subject.id, fields: posting.subject.fields + [
                SubjectField(name: "welfare", text: posting.label ? "日结高薪" : "五险一金"),
            ])
            return copy
        }
        let model = trainer.train(postings, dataSHA256: "x", trainedAt: "2026-01-01")
        let read = try LearnedModel.decode(model.encoded(), path: "m")
        #expect(read.header.hashing.fieldGroups["welfare"] == "welfare")
        #expect(read.header.hashing.fieldGroups["company"] == nil)
        let base = Self.subject([("title", "理货员"), ("description", "负责门店商品陈列")])
        let withWelfare = Self.subject([("title", "理货员"), ("description", "负责门店商品陈列"), ("welfare", "日结高薪")])
        let withCompany = Self.subject([("title", "理货员"), ("description", "负责门店商品陈列"), ("company", "日结高薪")])
        #expect(read.probability(for: withWelfare) > read.probability(for: base))
        #expect(read.probability(for: withCompany) == read.probability(for: base))
    }
}
