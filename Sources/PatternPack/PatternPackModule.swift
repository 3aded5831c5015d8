import PCRE2
import RuleKit

/// A ``RuleModule`` made of a YAML rule pack: pattern rules, excludes, sub-rules and meta rules.
///
/// Build one with ``PackLoader/load(directory:engine:)``. Evaluation converts each field to UTF-8 once, runs all
/// rules' patterns through one pattern set, runs a rule's exclude patterns (a second pattern set, with the same
/// prefilter) only on fields where that rule matched (so common negation words cost nothing elsewhere), drops
/// matches an exclude overlaps, then decides meta rules in dependency order. Excerpts are built only for hits.
public struct PatternPackModule: RuleModule, LiteralWatching {
    public let id: String
    public let version: String
    public let subjects: Set<SubjectKind>
    public let rules: [RuleDescription]
    /// The rules as written (patterns, meta, place), for `rules show`.
    public let specs: [PackRuleSpec]
    /// The engine this module runs.
    public let engine: PackEngine

    /// The patterns (not the excludes) of the active rules, flat, in one set.
    let patternSet: PatternSet
    /// Scratches of `patternSet` for reuse across evaluations (one per concurrent caller).
    let scratchPool: ScratchPool
    /// For each flat pattern index of the set: the rule index.
    let owners: [Int]
    /// The exclude patterns of the active rules, flat, in a set of their own (run only where their rule matched:
    /// a scan selects them, and its prefilter runs PCRE2 only near their literals).
    let excludeSet: PatternSet
    /// Scratches of `excludeSet`.
    let excludePool: ScratchPool
    /// Per rule, the indices of its exclude patterns in `excludeSet` (empty for inactive rules).
    let excludeRange: [Range<Int>]
    /// For each exclude pattern of `excludeSet`: the rule index.
    let excludeOwners: [Int]
    /// Meta rules in dependency order (active ones only).
    let metaOrder: [Int]
    let ruleIndex: [String: Int]
    /// Per rule: whether it is evaluated. All rules unless the module was ``restricted(to:)``, plus those a watch
    /// asks for (ADR 0025).
    let active: [Bool]
    /// Per rule: whether ``evaluate(_:context:)`` and ``probe(rule:subject:context:)`` report it — the active rules
    /// before a watch's were added, so that a watching module reports what it did without the watch.
    let reported: [Bool]
    /// The reportable rules of the watch whose findings each evaluation records (ADR 0025), in pack order; nil when
    /// the watch asks for none, or for one this pack does not hold with the same definition.
    let sharedRules: [Int]?
    /// Every rule's pattern and exclude sources with their owners, kept to build restricted copies (their pattern
    /// sets take the compiled patterns from `literalCaches` while some set holds them; the checked compilation's
    /// `Pattern`s are not kept here).
    let compiled: PatternCompiler.Output
    let literalSample: LiteralSample?
    /// Literal analyses shared with restricted copies: of the patterns (ranked by `literalSample`) and of the
    /// excludes (ranked without it).
    let literalCaches: LiteralCaches
    /// Sub-rules that run only when a meta rule could use them (restricted modules only).
    let deferral: SubruleDeferral
    /// Per flat pattern: whether it runs in the first pass (its rule is not deferred); nil when nothing is deferred.
    let firstPass: [Bool]?
    /// Another module's literals this module's pass also looks for (ADR 0020); nil for none.
    let watch: LiteralWatch?
    /// First-pass results of long fields seen last (ADR 0021); each module and restricted copy has its own.
    let fieldCache = FieldResultCache()

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
        // Compiled to check them, with the options the pattern sets use, through the cache the sets compile with:
        // each pattern is compiled once.
        let caches = LiteralCaches()
        let compiled = PatternCompiler.compile(
            source.rules, options: engine == .prefilter ? .offsetLimit : [], cache: caches.compiled)
        problems += compiled.problems
        guard problems.isEmpty else { throw PackLoadError(problems: problems) }
        try self.init(
            id: id ?? source.pack ?? "", subjects: subjects, specs: source.rules, engine: engine, compiled: compiled,
            active: source.rules.map { _ in true }, literalSample: literalSample,
            literalCaches: caches, deferSubrules: false, watch: nil)
    }

    /// Assembles a module that evaluates only the rules marked `active` (the others never hit).
    private init(
        id: String, subjects: Set<SubjectKind>, specs: [PackRuleSpec], engine: PackEngine,
        compiled: PatternCompiler.Output, active: [Bool], literalSample: LiteralSample?,
        literalCaches: LiteralCaches, deferSubrules: Bool, watch: LiteralWatch?
    ) throws(PackLoadError) {
        self.id = id
        self.version = "1"
        self.subjects = subjects
        self.specs = specs
        self.rules = specs.map(\.description)
        self.engine = engine
        // The checked compilation's `Pattern`s are not kept: the sets below hold the ones they use (taken from the
        // cache while `compiled` still holds them), and the others are freed.
        var sources = compiled
        sources.patterns = []
        self.compiled = sources
        var index: [String: Int] = [:]
        for (position, rule) in specs.enumerated() {
            for name in [rule.description.id] + rule.description.aliases { index[name] = position }
        }
        self.ruleIndex = index
        self.reported = active
        let shared = engine == .prefilter ? watch.flatMap { Self.servedRules($0, specs: specs, index: index) } : nil
        self.sharedRules = shared
        // The watch's rules are evaluated too (with every rule their meta rules read): reported or not, a rule's
        // hits do not depend on which other rules run.
        var active = active
        if let shared { Self.close(&active, adding: shared, specs: specs, index: index) }
        self.active = active
        self.literalSample = literalSample
        self.literalCaches = literalCaches
        var owners: [Int] = []
        var patternSources: [String] = []
        var excludes = Array(repeating: [String](), count: specs.count)
        for (index, owner) in compiled.owners.enumerated() where active[owner.rule] {
            if owner.exclude {
                excludes[owner.rule].append(compiled.sources[index])
            } else {
                owners.append(owner.rule)
                patternSources.append(compiled.sources[index])
            }
        }
        self.owners = owners
        self.watch = engine == .prefilter ? watch : nil
        self.patternSet = try Self.makeSet(patternSources, engine: engine, sample: literalSample,
                                           caches: literalCaches, excludes: false, watch: self.watch)
        self.scratchPool = ScratchPool(set: patternSet)
        var ranges: [Range<Int>] = []
        var count = 0
        for list in excludes {
            ranges.append(count..<(count + list.count))
            count += list.count
        }
        self.excludeRange = ranges
        self.excludeOwners = excludes.indices.flatMap { rule in excludes[rule].map { _ in rule } }
        // Excludes run only where their rule matched, so their literals are ranked without the sample: ranking
        // them by rarity costs more at registry build than it saves in a scan.
        self.excludeSet = try Self.makeSet(excludes.flatMap { $0 }, engine: engine, sample: nil,
                                           caches: literalCaches, excludes: true, watch: nil)
        // The cache holds patterns weakly: keep the checked compilation's alive until both sets have taken theirs
        // (an optimized build may otherwise free them after their last use, before the sets look them up).
        withExtendedLifetime(compiled.patterns) {}
        self.excludePool = ScratchPool(set: excludeSet)
        self.metaOrder = PackValidator.metaOrder(specs).compactMap { index[$0.description.id] }.filter { active[$0] }
        guard deferSubrules else {
            self.deferral = .none(ruleCount: specs.count)
            self.firstPass = nil
            return
        }
        var cost = Array(repeating: 0.0, count: specs.count)
        for (pattern, rule) in owners.enumerated() { cost[rule] += patternSet.estimatedRunShare[pattern] }
        let deferral = SubruleDeferral.plan(specs, active: active, index: index) { cost[$0] }
        self.deferral = deferral
        self.firstPass = deferral.isEmpty ? nil : owners.map { !deferral.deferred[$0] }
    }

    /// This module reduced to the rules that can count under `settings`: the reportable rules it allows (level
    /// and not disabled) and, transitively, every rule their meta rules refer to. Other rules' patterns are not
    /// compiled into the pattern set, so they cost nothing. Sub-rules also wait until a meta rule could use them
    /// (``SubruleDeferral``). Findings of allowed rules are identical to the full module's; `rules test` and the
    /// example verifier keep using the full module (a restricted module's sub-rules may not report when probed).
    public func restricted(to settings: ModuleSettings) -> PatternPackModule {
        let needed = Self.neededRules(specs, settings: settings, index: ruleIndex)
        // Every pattern compiled before, so building the smaller set cannot fail short of memory exhaustion.
        return (try? PatternPackModule(
            id: id, subjects: subjects, specs: specs, engine: engine, compiled: compiled, active: needed,
            literalSample: literalSample, literalCaches: literalCaches, deferSubrules: true, watch: watch)) ?? self
    }

    public func prepared(for settings: ModuleSettings) -> any RuleModule { restricted(to: settings) }

    /// This module, whose pass also looks for `watch`'s literals and records per subject whether one occurred
    /// (``LiteralWatchMemo``); findings are the same. Restricted copies keep the watch. The naive engine makes no
    /// pass, so it watches nothing (itself is returned).
    public func watching(_ watch: LiteralWatch) -> any RuleModule { watchingPack(watch) }

    /// ``watching(_:)`` as a pack.
    public func watchingPack(_ watch: LiteralWatch) -> PatternPackModule {
        guard engine == .prefilter else { return self }
        return (try? PatternPackModule(
            id: id, subjects: subjects, specs: specs, engine: engine, compiled: compiled, active: active,
            literalSample: literalSample, literalCaches: literalCaches, deferSubrules: firstPass != nil,
            watch: watch)) ?? self
    }

    /// Literals of which one occurs in every subject where this module's pass can run a pattern (nil when some
    /// pattern always runs or the engine is naive): what another module's pass can watch for it.
    public var literalsEveryCandidateNeeds: [String]? { patternSet.literalsEveryCandidateNeeds }

    /// This module reduced to the rules named (ids or aliases) and, transitively, every rule their meta rules refer
    /// to; the other rules' patterns are not compiled into the pattern set. For a caller that only probes some rules
    /// (the black-intermediary module asks for `sub.intermediary` on every posting): evaluations and probes of the
    /// kept rules are identical to the full module's, nothing is deferred.
    public func restricted(toRules ids: Set<String>) -> PatternPackModule {
        var needed = specs.map { _ in false }
        Self.close(&needed, adding: ids.compactMap { ruleIndex[$0] }, specs: specs, index: ruleIndex)
        // Every pattern compiled before, so building the smaller set cannot fail short of memory exhaustion.
        return (try? PatternPackModule(
            id: id, subjects: subjects, specs: specs, engine: engine, compiled: compiled, active: needed,
            literalSample: literalSample, literalCaches: literalCaches, deferSubrules: false, watch: watch)) ?? self
    }

    /// Reportable rules allowed by `settings`, closed over meta references (`all`, `any`, `none`, `at_least`).
    static func neededRules(_ specs: [PackRuleSpec], settings: ModuleSettings, index: [String: Int]) -> [Bool] {
        var needed = specs.map { _ in false }
        let allowed = specs.indices.filter { !specs[$0].description.subrule && settings.allows(specs[$0].description) }
        close(&needed, adding: allowed, specs: specs, index: index)
        return needed
    }

    /// Marks `rules` in `needed` and, transitively, every rule their meta rules refer to.
    static func close(_ needed: inout [Bool], adding rules: [Int], specs: [PackRuleSpec], index: [String: Int]) {
        var pending: [Int] = []
        for rule in rules where !needed[rule] {
            needed[rule] = true
            pending.append(rule)
        }
        while let rule = pending.popLast() {
            for name in specs[rule].meta?.references ?? [] {
                guard let other = index[name], !needed[other] else { continue }
                needed[other] = true
                pending.append(other)
            }
        }
    }

    /// The reportable rules of `watch` in pack order, when this pack holds every rule the watch names with the
    /// same definition (else nil: the requester evaluates them itself).
    static func servedRules(_ watch: LiteralWatch, specs: [PackRuleSpec], index: [String: Int]) -> [Int]? {
        guard !watch.rules.isEmpty else { return nil }
        var served: [Int] = []
        for rule in watch.rules {
            guard let position = index[rule.description.id], specs[position].hasSameDefinition(as: rule) else {
                return nil
            }
            if !rule.description.subrule { served.append(position) }
        }
        return served.sorted()
    }

    /// A set of `sources` (the pack's patterns, or its excludes when `excludes`), analysed and compiled through
    /// `caches`.
    static func makeSet(_ sources: [String], engine: PackEngine, sample: LiteralSample?, caches: LiteralCaches,
                        excludes: Bool, watch: LiteralWatch?) throws(PackLoadError) -> PatternSet
    {
        do {
            let rarity = sample.flatMap { $0.count > 0 ? $0.rarityFunction() : nil }
            return try PatternSet(
                patterns: sources, engine: engine == .naive ? .naive : .prefilter, literalRarity: rarity,
                literalCache: excludes ? caches.excludes : caches.patterns, patternCache: caches.compiled,
                watch: watch?.literals ?? [])
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

    /// The prefilter's required literal sets of flat pattern `index`, per unit: one unit, or one per top-level
    /// branch when the branches are selected one by one (the pattern runs when all sets of one unit occurred).
    public func requiredLiteralBranches(ofPattern index: Int) -> [[[String]]] {
        patternSet.requiredLiteralBranches(ofPattern: index)
    }

    /// For each flat pattern index of the set: the id of the rule it belongs to.
    public var patternRuleIDs: [String] { owners.map { specs[$0].description.id } }

    /// Whether flat pattern `index` belongs to a deferred sub-rule (runs only when a meta rule could use it).
    public func isDeferred(pattern index: Int) -> Bool { deferral.deferred[owners[index]] }

    /// Prefilter figures of the compiled pattern set.
    public var statistics: PatternSet.Statistics { patternSet.statistics }

    public func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        let state = run(subject)
        return state.hits.indices.compactMap { index in
            state.hits[index] && reported[index] && !specs[index].description.subrule ? finding(index, state) : nil
        }
    }

    public func probe(rule id: String, subject: Subject, context: any EvaluationContext) throws -> Finding? {
        guard let index = ruleIndex[id] else { return nil }
        let state = run(subject)
        return state.hits[index] && reported[index] ? finding(index, state) : nil
    }

    func finding(_ index: Int, _ state: EvaluationState) -> Finding {
        let spec = specs[index]
        let rule = spec.description
        return Finding(
            module: id, rule: rule.id, severity: rule.severity, score: rule.score, message: spec.message,
            evidence: state.evidence(index), references: rule.references, incubator: rule.incubator)
    }
}

/// The literal analyses and compiled patterns a pack shares with its restricted copies (see ``PatternPackModule``).
struct LiteralCaches: Sendable {
    /// Of the patterns, ranked by the pack's literal sample.
    let patterns = RequiredLiteralCache()
    /// Of the excludes, ranked without it.
    let excludes = RequiredLiteralCache()
    /// The compiled patterns and excludes, while some set holds them: the process's cache, shared with every pack.
    let compiled = CompiledPatternCache.shared
}

extension PatternPackModule {
    /// Evaluates `subjects` with one scratch and returns the engine's counters (texts, bytes, pattern runs): how
    /// many patterns the prefilter lets through per field, deferred sub-rules' second pass included. For
    /// benchmarks and tuning.
    public func scanCounters(over subjects: [Subject]) -> (totals: PatternSet.ScanCounters, runsPerPattern: [Int]) {
        let scratch = patternSet.makeScratch()
        for subject in subjects {
            _ = run(subject, scratch: scratch)
        }
        return (scratch.counters, scratch.runsPerPattern)
    }
}
