import RuleKit

/// The learned scorer as a rule module (`learned`): one finding, `learned.score`, per job posting.
///
/// The finding carries the model's probability, the points it adds by ``ScoreBands`` (0, the `suspicious`
/// threshold or the `likelyFraud` threshold of the site's configuration) and, when it adds points, the n-grams that
/// pushed the probability up most as evidence (UTF-8 byte ranges in their fields). The registry sums the points
/// with the rules' scores, so the model can only raise a verdict. Turn it off with `model: {enabled: false}` or
/// by listing `learned` under `rules.disabledModules`.
///
/// ```swift
/// let module = LearnedScore(model: try LearnedModel.load(path: path), thresholds: config.thresholds)
/// try builder.register(module)
/// ```
public struct LearnedScore: RuleModule {
    /// The module id.
    public static let moduleID = "learned"
    /// The id of the module's only rule.
    public static let ruleID = "learned.score"

    /// The model.
    public let model: LearnedModel
    /// The verdict thresholds the points refer to.
    public let thresholds: Thresholds
    /// How many n-grams the evidence lists at most.
    public let evidenceCount: Int

    /// How many of the buckets that added most are looked up in the text at a time when choosing the evidence (a
    /// cost knob only: every value gives the same evidence).
    public let evidenceWindow: Int

    /// Creates the module.
    public init(model: LearnedModel, thresholds: Thresholds, evidenceCount: Int = 3, evidenceWindow: Int = 16) {
        self.model = model
        self.thresholds = thresholds
        self.evidenceCount = evidenceCount
        self.evidenceWindow = evidenceWindow
    }

    // MARK: - RuleModule

    /// Always `learned`.
    public var id: String { Self.moduleID }
    /// The model's format version, feature scheme and training date.
    public var version: String {
        "\(model.header.formatVersion)/\(model.header.hashing.scheme)/\(model.header.training.trainedAt)"
    }
    /// Job postings only.
    public var subjects: Set<SubjectKind> { [.jobPosting] }
    /// The single rule `learned.score`.
    public var rules: [RuleDescription] {
        [RuleDescription(
            id: Self.ruleID, name: LearnedScoreText.ruleName, severity: .medium, score: 0, level: 1,
            fields: model.header.hashing.fieldGroups.keys.sorted(), examples: RuleExamples())]
    }

    /// Scores the posting; see the type's documentation.
    public func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        [finding(for: subject)]
    }

    /// The finding for one subject.
    public func finding(for subject: Subject) -> Finding {
        let text = model.readableText(in: subject, upTo: LearnedModel.minimumText)
        guard text >= LearnedModel.minimumText else {
            return Finding(
                module: id, rule: Self.ruleID, severity: .info, score: 0,
                message: LearnedScoreText.tooLittleText(text, minimum: LearnedModel.minimumText), evidence: [])
        }
        let probability = model.probability(for: subject)
        let points = model.header.bands.points(for: probability, thresholds: thresholds)
        // Only a posting that gets points needs its vector, for the evidence.
        let evidence = points > 0 ? topEvidence(subject, vector: model.extractor.vector(for: subject)) : []
        let severity: Severity = points >= thresholds.likelyFraud && points > 0 ? .high : (points > 0 ? .medium : .info)
        return Finding(
            module: id, rule: Self.ruleID, severity: severity, score: points,
            message: LearnedScoreText.message(probability: probability, points: points, snippets: evidence.map(\.excerpt)),
            evidence: evidence)
    }
}
