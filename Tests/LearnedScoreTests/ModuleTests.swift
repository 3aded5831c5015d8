import LearnedScore
import RuleKit
import Testing

@Suite("learned.score module")
struct ModuleTests {
    static let model = Fixture.model()

    /// A model whose bands make every posting reach the suspicious band.
    static var eager: LearnedModel {
        var header = model.header
        header.bands = ScoreBands(suspicious: 0, likelyFraud: ScoreBands.off)
        return LearnedModel(header: header, weights: model.model.weights, bucketWeights: model.extractor.bucketWeights)
    }

    @Test("evidence byte ranges point at the quoted n-grams in their fields")
    func evidenceRanges() throws {
        let module = LearnedScore(model: Self.eager, thresholds: Thresholds())
        let subject = Fixture.posting("在家兼职，日赚五百，先交押金，加微信领任务。", title: "轻松日结打字员")
        let finding = try #require(try module.evaluate(subject, context: EmptyContext()).first)
        #expect(finding.rule == "learned.score")
        #expect(finding.score == 4)
        #expect(!finding.evidence.isEmpty)
        for evidence in finding.evidence {
            let text = try #require(subject.text(of: evidence.field))
            let bytes = Array(text.utf8)
            #expect(String(decoding: bytes[evidence.start..<evidence.end], as: UTF8.self) == evidence.excerpt)
            #expect(evidence.excerpt.unicodeScalars.count >= 2)
            #expect(finding.message.zh.contains("「\(evidence.excerpt)」"))
        }
    }

    @Test("a posting below the bands gets a zero-point finding without evidence")
    func quietFinding() throws {
        var header = Self.model.header
        header.bands = .silent
        let module = LearnedScore(model: LearnedModel(header: header, weights: Self.model.model.weights, bucketWeights: Self.model.extractor.bucketWeights), thresholds: Thresholds())
        let finding = try #require(try module.evaluate(Fixture.posting("负责仓库盘点和出入库登记，缴纳五险一金，周末双休。"), context: EmptyContext()).first)
        #expect(finding.score == 0)
        #expect(finding.evidence.isEmpty)
        #expect(finding.message.en.hasPrefix("Model probability"))
    }

    @Test("in a registry the model's points add to the rules' score, and disabling the module removes them")
    func registry() throws {
        let posting = Fixture.posting("先交押金，在家兼职，日赚五百，加微信领任务。", title: "轻松日结")
        var builder = RegistryBuilder()
        try builder.register(FixedRule(score: 4))
        try builder.register(LearnedScore(model: Self.eager, thresholds: Thresholds()))
        let evaluation = builder.build().evaluate(posting)
        #expect(evaluation.score == 8)
        #expect(evaluation.verdict == .likelyFraud)

        var off = RegistryBuilder(settings: ModuleSettings(disabledModules: [LearnedScore.moduleID]))
        try off.register(FixedRule(score: 4))
        try off.register(LearnedScore(model: Self.eager, thresholds: Thresholds()))
        #expect(off.build().evaluate(posting).verdict == .suspicious)
    }
}

/// A rule module that always hits with a fixed score.
struct FixedRule: RuleModule {
    var score: Int
    var id: String { "fixed" }
    var version: String { "1" }
    var subjects: Set<SubjectKind> { [.jobPosting] }
    var rules: [RuleDescription] {
        [RuleDescription(id: "fixed.hit", name: LocalizedText(zh: "固定", en: "fixed"), severity: .medium, score: score, examples: RuleExamples())]
    }

    func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        [Finding(module: id, rule: "fixed.hit", severity: .medium, score: score, message: LocalizedText(zh: "固定", en: "fixed"))]
    }
}

extension ModuleTests {
    @Test("a posting with less than the minimum text in the model's fields gets no points, whatever its probability")
    func tooLittleText() throws {
        let module = LearnedScore(model: Self.eager, thresholds: Thresholds())
        let nineteen = String(repeating: "押", count: LearnedModel.minimumText - 1)
        // White space and fields the model does not read do not count towards the minimum.
        let short = Subject(kind: .jobPosting, id: "s", fields: [
            SubjectField(name: "description", text: nineteen + "  \n\u{3000} "),
            SubjectField(name: "contact", text: String(repeating: "1", count: 40)),
        ])
        for subject in [Subject(kind: .jobPosting, id: "empty", fields: []), Fixture.posting(""), short] {
            // The probability is still computed: with no n-grams it is the intercept's plus every group's imputed
            // margin (ADR 0029).
            if Self.eager.readableText(in: subject) == 0 {
                let margins = try #require(Self.eager.extractor.emptyGroupMargins)
                let margin = margins.reduce(Double(Self.eager.model.bias)) { $0 + Double($1) }
                #expect(Self.eager.probability(for: subject) == LogisticModel.sigmoid(margin))
            }
            let finding = module.finding(for: subject)
            #expect(finding.score == 0)
            #expect(finding.evidence.isEmpty)
            #expect(finding.message.en.hasPrefix("Model did not score"))
            #expect(finding.message.zh.contains("至少需要 \(LearnedModel.minimumText) 个"))
        }
        #expect(Self.eager.readableText(in: short) == LearnedModel.minimumText - 1)
        let enough = Fixture.posting(nineteen + "金")
        #expect(Self.eager.scores(enough))
        #expect(module.finding(for: enough).score == 4, "the eager bands give every scored posting 4 points")
    }

    @Test("model eval judges a short posting as the scan does: no model points")
    func evaluationAbstains() {
        let short = LabelledPosting(subject: Fixture.posting("先交押金"), label: true)
        let long = LabelledPosting(subject: Fixture.posting("先交押金，在家兼职，日赚五百，加微信领任务。", title: "轻松日结"), label: true)
        let report = ModelEvaluation.evaluate(Self.eager, on: [short, long], thresholds: Thresholds())
        #expect(report.model.suspicious.truePositives == 1)
        #expect(report.model.suspicious.falseNegatives == 1)
        #expect(report.calibration.reduce(0) { $0 + $1.count } == 2)
    }
}
