import EntityKit
import Foundation
import PatternPack
import RuleKit

/// The built-in black-intermediary module (`black_intermediary`): flags intermediaries that charge job seekers,
/// work without a stated licence, hide behind several company names, gather complaints, or are on the watchlist.
///
/// Text signals come from the pack `rules/black-intermediary/` (sub-rules only) and from the fake-job fee rules
/// (`rules/fake-job/fees.yaml`, compiled privately here so the charging flag reuses the very same fee findings).
/// Entities come from ``EntityExtractor``. History-based flags (`shared_contact`, `repeat_complaints`,
/// `watchlisted`) ask the evaluation context as an ``EntityHistory``; without one they stay silent.
///
/// Every finding carries `flagEntity` actions for the respondent-side entities it concerns and, where a law
/// applies, references with their verification status.
///
/// ```swift
/// let module = try BlackIntermediary(rulesDirectory: "rules")
/// let findings = try module.evaluate(posting, context: storeContext)
/// ```
public struct BlackIntermediary: RuleModule, LiteralWatchRequesting {
    /// The module id.
    public static let moduleID = "black_intermediary"
    /// The pack directory name under `rules/`.
    public static let packDirectoryName = "black-intermediary"
    /// The sub-rule that says a text speaks of an intermediary.
    static let agentRule = "black_intermediary.sub.intermediary"
    /// Field names never searched for respondent entities (a complainant is never flagged).
    public static let excludedFields: Set<String> = ["complainant", "id"]
    /// ``excludedFields`` as an array: compared name by name on every subject (iterating the set and hashing a
    /// name both cost more for two names).
    static let excludedFieldList = Array(excludedFields)

    /// The pack's sub-rules.
    public let pack: PatternPackModule
    /// The pack reduced to `sub.intermediary`, the one rule probed on every subject (same hits, fewer patterns).
    let agentRules: PatternPackModule
    /// The fake-job fee rules, when `rules/fake-job/fees.yaml` is present: all of them, whatever the site's level
    /// (an intermediary asking for a placement fee is the charging flag's signal, though `fake_job` reports
    /// `fee.agency_fee` from level 2 on); the findings of those the site disabled do not count (``prepared(for:)``,
    /// ADR 0022).
    let feeRules: PatternPackModule?
    /// The fee rules whose findings count, when the settings disabled some (nil: all).
    private(set) var countedFeeRules: Set<String>?
    /// History thresholds.
    public let thresholds: IntermediaryThresholds
    /// What this module asks of another module's pass: the literals one of which occurs wherever the probe of
    /// `sub.intermediary` can hit — where that pass saw none of them in a field, the probe skips the field (ADR
    /// 0020; none when some pattern of the probe has no literal) — and the fee rules, whose findings that pass
    /// records so that the charging flag need not match them again (ADR 0025). Nil under the naive engine.
    public let literalWatch: LiteralWatch?
    /// The extractions of the long fields read last (ADR 0024); shared by this module's prepared copies.
    let extractions = ExtractionMemo()

    /// Loads the pack, the thresholds and the fake-job fee rules from a `rules/` directory.
    ///
    /// `literalSample` ranks the prefilter's literals by rarity in the pack and in the fee rules (speed only: the
    /// findings are those of the naive engine either way).
    ///
    /// - Throws: ``PackLoadError`` for a broken pack, ``IntermediaryConfigError`` for a bad thresholds file.
    public init(rulesDirectory: String, engine: PackEngine = .prefilter, literalSample: LiteralSample? = nil) throws {
        let root = rulesDirectory.hasSuffix("/") ? String(rulesDirectory.dropLast()) : rulesDirectory
        let directory = root + "/" + Self.packDirectoryName
        pack = try PatternPackModule(source: PackSource.read(directory: directory), id: Self.moduleID,
                                     engine: engine, subjects: [.jobPosting, .caseIntake, .caseUpdate],
                                     literalSample: literalSample)
        agentRules = pack.restricted(toRules: [Self.agentRule])
        let probeLiterals = agentRules.literalsEveryCandidateNeeds
        thresholds = try IntermediaryThresholds.load(path: directory + "/settings/thresholds.yaml")
        EntityExtractor.prepareTables()
        let fees = root + "/fake-job/fees.yaml"
        if let data = FileManager.default.contents(atPath: fees) {
            let source = PackSource.parse(files: [(fees, String(decoding: data, as: UTF8.self))])
            feeRules = try PatternPackModule(source: source, engine: engine,
                                             subjects: [.jobPosting, .caseIntake, .caseUpdate],
                                             literalSample: literalSample)
        } else {
            feeRules = nil
        }
        literalWatch = engine == .prefilter
            ? LiteralWatch(literals: probeLiterals ?? [], rules: feeRules?.specs ?? []) : nil
    }

    // MARK: - RuleModule

    public var id: String { Self.moduleID }
    public var version: String { "1" }
    public var subjects: Set<SubjectKind> { [.jobPosting, .caseIntake, .caseUpdate] }
    public var rules: [RuleDescription] { pack.rules + IntermediaryRules.all }

    public func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        try findings(subject, context: context)
    }

    /// This module with the fee rules the settings disable left out of the charging flag's evidence: a site that
    /// switches a fee rule off because it misfires does not want it to raise the flag either (ADR 0022). Levels do
    /// not restrict the fee rules.
    public func prepared(for settings: ModuleSettings) -> any RuleModule {
        guard let feeRules, !settings.disabledRules.isEmpty else { return self }
        // Filtered, not restricted: disabling is rare, and a disabled rule that an enabled meta rule reads would
        // still run in a restricted pack anyway.
        let anyLevel = ModuleSettings(level: Int.max, disabledRules: settings.disabledRules)
        var copy = self
        copy.countedFeeRules = Set(feeRules.rules.filter(anyLevel.allows).map(\.id))
        return copy
    }

    /// Evaluates one rule for the example verifier; a context without history is replaced by the examples'
    /// invented history (``ExampleHistory``), so `rules test` checks the history rules' examples too.
    public func probe(rule id: String, subject: Subject, context: any EvaluationContext) throws -> Finding? {
        if pack.ruleIndex(of: id) { return try pack.probe(rule: id, subject: subject, context: context) }
        let history: any EvaluationContext = context is any EntityHistory ? context : ExampleHistory()
        return try findings(subject, context: history).first { $0.rule == id }
    }
}

extension PatternPackModule {
    func ruleIndex(of id: String) -> Bool { rules.contains { $0.id == id || $0.aliases.contains(id) } }
}
