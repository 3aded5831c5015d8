import PCRE2
import RuleKit

/// A ``RuleModule`` made of a YAML rule pack: pattern rules, excludes, sub-rules and meta rules.
///
/// Build one with ``PackLoader/load(directory:engine:)``. Evaluation converts each field to UTF-8 once, runs all
/// rules' patterns through one pattern set, runs a rule's exclude patterns only on fields where that rule matched
/// (so common negation words cost nothing elsewhere), drops matches an exclude overlaps, then decides meta rules
/// in dependency order. Excerpts are built only for hits.
public struct PatternPackModule: RuleModule {
    public let id: String
    public let version: String
    public let subjects: Set<SubjectKind>
    public let rules: [RuleDescription]
    /// The rules as written (patterns, meta, place), for `rules show`.
    public let specs: [PackRuleSpec]
    /// The engine this module runs.
    public let engine: PackEngine

    /// The patterns (not the excludes) of all rules, flat, in one set.
    let patternSet: PatternSet
    /// For each flat pattern index of the set: the rule index.
    let owners: [Int]
    /// Per rule, its compiled exclude patterns (run only where the rule matched).
    let excludePatterns: [[Pattern]]
    let metaOrder: [Int]
    let ruleIndex: [String: Int]

    /// Compiles a checked pack source.
    ///
    /// - Parameters:
    ///   - source: a pack read by ``PackSource/read(directory:)``.
    ///   - id: module id; defaults to the pack id.
    ///   - engine: matching strategy.
    ///   - subjects: subject kinds the pack evaluates.
    ///   - literalSample: typical texts to rank prefilter literals by rarity (speed only; findings are identical).
    /// - Throws: ``PackLoadError`` with the source's problems and every pattern that does not compile.
    public init(
        source: PackSource, id: String? = nil, engine: PackEngine = .prefilter,
        subjects: Set<SubjectKind> = [.jobPosting], literalSample: LiteralSample? = nil
    ) throws(PackLoadError) {
        var problems = source.problems
        if source.pack == nil && id == nil && problems.isEmpty {
            problems.append(PackProblem(.missingKey, file: source.directory, message: "no file declares 'pack:'"))
        }
        let compiled = PatternCompiler.compile(source.rules)
        problems += compiled.problems
        guard problems.isEmpty else { throw PackLoadError(problems: problems) }
        self.id = id ?? source.pack ?? ""
        self.version = "1"
        self.subjects = subjects
        self.specs = source.rules
        self.rules = source.rules.map(\.description)
        self.engine = engine
        var owners: [Int] = []
        var sources: [String] = []
        var excludes = Array(repeating: [Pattern](), count: source.rules.count)
        for (index, owner) in compiled.owners.enumerated() {
            if owner.exclude {
                excludes[owner.rule].append(compiled.patterns[index])
            } else {
                owners.append(owner.rule)
                sources.append(compiled.sources[index])
            }
        }
        self.owners = owners
        self.excludePatterns = excludes
        self.patternSet = try Self.makeSet(sources, engine: engine, sample: literalSample)
        var index: [String: Int] = [:]
        for (position, rule) in source.rules.enumerated() {
            for name in [rule.description.id] + rule.description.aliases { index[name] = position }
        }
        self.ruleIndex = index
        self.metaOrder = PackValidator.metaOrder(source.rules).compactMap { index[$0.description.id] }
    }

    static func makeSet(_ sources: [String], engine: PackEngine, sample: LiteralSample?) throws(PackLoadError)
        -> PatternSet
    {
        do {
            let rarity = sample.flatMap { $0.count > 0 ? $0.rarityFunction() : nil }
            return try PatternSet(
                patterns: sources, engine: engine == .naive ? .naive : .prefilter, literalRarity: rarity)
        } catch {
            // Every pattern compiled one by one just before; this only happens if PCRE2 runs out of memory.
            let problem = PackProblem(.badPattern, file: "", patternIndex: error.patternIndex, message: error.message)
            throw PackLoadError(problems: [problem])
        }
    }

    /// The prefilter's required literals per flat pattern index (nil: the pattern always runs).
    public var requiredLiterals: [[String]?] {
        patternSet.patterns.indices.map { patternSet.requiredLiterals(ofPattern: $0) }
    }

    /// Prefilter figures of the compiled pattern set.
    public var statistics: PatternSet.Statistics { patternSet.statistics }

    public func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        let state = run(subject)
        return state.hits.indices.compactMap { index in
            state.hits[index] && !specs[index].description.subrule ? finding(index, state) : nil
        }
    }

    public func probe(rule id: String, subject: Subject, context: any EvaluationContext) throws -> Finding? {
        guard let index = ruleIndex[id] else { return nil }
        let state = run(subject)
        return state.hits[index] ? finding(index, state) : nil
    }

    private func finding(_ index: Int, _ state: EvaluationState) -> Finding {
        let spec = specs[index]
        let rule = spec.description
        return Finding(
            module: id, rule: rule.id, severity: rule.severity, score: rule.score, message: spec.message,
            evidence: state.evidence[index], references: rule.references, incubator: rule.incubator)
    }
}

extension PatternPackModule {
    /// Scans `texts` with one scratch and returns the engine's counters (texts, bytes, pattern runs): how many
    /// patterns the prefilter lets through per text. For benchmarks and tuning; findings are not computed.
    public func scanCounters(over texts: [String]) -> PatternSet.ScanCounters {
        let scratch = patternSet.makeScratch()
        for text in texts {
            _ = try? patternSet.scan(text, scratch: scratch)
        }
        return scratch.counters
    }
}
