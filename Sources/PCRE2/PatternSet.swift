/// Many patterns scanned together over one text, with an optional literal prefilter.
///
/// The ``Engine/naive`` engine runs every pattern over the text. The ``Engine/prefilter`` engine first runs one
/// Aho-Corasick pass over the *required literals* of all patterns (one of a pattern's literals occurs in the text
/// of any of its matches), and then runs PCRE2 only for patterns whose literal occurred, plus the patterns that have
/// no usable literal. Both engines return identical results.
///
/// Immutable after `init`, hence `Sendable`: share one set between tasks, give each its own ``Scratch``.
///
/// ```swift
/// let set = try PatternSet(patterns: ["(?:先交|缴纳)[^。]{0,8}押金", "加(?:微信|V信)"])
/// let scratch = set.makeScratch()
/// let found = try set.scan("入职需缴纳押金，加V信", scratch: scratch)
/// // [PatternMatch(pattern: 0, range: 9..<21), PatternMatch(pattern: 1, range: 24..<31)]
/// ```
public final class PatternSet: Sendable {
    /// How a scan selects the patterns to run.
    public enum Engine: String, Sendable, CaseIterable {
        /// Run every pattern on every text.
        case naive
        /// Run only patterns whose required literal occurs (plus those without a usable literal).
        case prefilter
    }

    /// Figures about the prefilter, for benchmarks and `rules check` output.
    public struct Statistics: Sendable, Hashable {
        /// Number of patterns in the set.
        public let patternCount: Int
        /// Patterns that have a usable required-literal set (the others always run).
        public let patternsWithLiterals: Int
        /// Distinct literals in the automaton.
        public let literalCount: Int
        /// States of the Aho-Corasick DFA (0 for the naive engine).
        public let automatonStates: Int
        /// Patterns that also require a second literal set (from another part of the pattern, or of a branch)
        /// before they run.
        public let patternsWithSecondSet: Int
        /// Top-level alternations whose branches select the pattern one by one (each with its own sets).
        public let patternsSplitIntoBranches: Int
    }

    /// The compiled patterns, in the order given.
    public let patterns: [Pattern]
    /// The engine `scan` uses.
    public let engine: Engine
    /// Per pattern, the estimated share of texts it runs on under the prefilter: the cost of its cheapest required
    /// literal set (from the rarity function when given), 1 when it always runs or under the naive engine.
    public let estimatedRunShare: [Double]
    /// Prefilter figures.
    public let statistics: Statistics

    /// Per *unit*, its required literal sets (empty: no usable literal, the unit's pattern always runs); a unit's
    /// pattern runs only when all the unit's sets (at most 2) occurred. A pattern is one unit, or, when it is a
    /// top-level alternation whose branches give better filters one by one (a second set), one unit per branch: it
    /// then runs when the sets of any one branch occurred (every match is a match of one branch).
    let requiredSets: [[[[UInt8]]]]
    /// Per unit, the pattern it belongs to; a pattern's units are consecutive, in pattern order.
    let unitPattern: [Int32]
    /// Per pattern, its units.
    let patternUnits: [Range<Int>]
    /// Per (unit × 2 + set), a bound on (end of the set's literal occurrence − match start) in bytes; -1 when
    /// unbounded. A scan starts PCRE2 at (end of the first occurrence − reach): no match can start earlier.
    let reach: [Int]
    /// Per (unit × 2 + set), the byte length of the set's shortest literal: a match contains an occurrence, so
    /// it starts no later than (end of the set's last occurrence − this).
    let shortestLiteral: [Int]
    /// Per (unit × 2 + set) of a unit with two sets: a bound, in any match, on (end of this set's occurrence −
    /// end of the other set's occurrence) where this set's ends no earlier; `Int.max` when unbounded. A match starting
    /// at s contains an occurrence of each set, ending after s + (its shortest literal) and by s + (its reach), so
    /// this bound is the set's reach minus the other set's shortest literal; when the set's part of the pattern
    /// comes after the other's, the factors between them may bound it more tightly, also where the match start is
    /// unbounded (`LiteralExtractor.RequiredSet.pairBound`). The unit becomes a candidate only when some pair of
    /// occurrences is this close (see `selectCandidates`).
    let pairDistance: [Int]
    /// Per unit, the number of required sets (0, 1 or 2).
    let setCount: [Int]
    /// Units (of patterns without a usable literal) that are candidates on every text under the prefilter engine,
    /// ascending.
    let alwaysRun: [Int32]
    let automaton: AhoCorasick
    /// The automaton value of the watched literals (see `init`'s `watch`): units × 2, above every (unit, set)
    /// slot; `Int.max` when nothing is watched.
    let watchValue: Int

    /// Compiles `patterns` and, for the prefilter engine, derives their required literals and the automaton.
    ///
    /// - Parameters:
    ///   - patterns: PCRE2 patterns (compiled with UTF + UCP).
    ///   - options: compile options for all patterns.
    ///   - limits: match bounds for all patterns.
    ///   - engine: ``Engine/prefilter`` (default) or ``Engine/naive``.
    ///   - literalRarity: estimated frequency of a literal in typical texts (e.g. the fraction of sample postings
    ///     containing it, smoothed so unseen literals are not 0). Lower is better. Without it, longer and
    ///     non-ASCII literals are preferred.
    ///   - literalCache: analyses of sources seen before with the same `literalRarity` (see
    ///     ``RequiredLiteralCache``); new analyses are added to it.
    ///   - patternCache: patterns compiled before from the same source, options and limits (see
    ///     ``CompiledPatternCache``); new ones are added to it.
    ///   - watch: literals the prefilter's automaton also looks for, for a caller that wants to know whether any
    ///     of them occurs in a scanned text (``Scratch/watchedLiteralOccurred``) without a pass of its own; ASCII
    ///     letters in any case, as for the required literals. Ignored by the naive engine. Matches are the same.
    /// - Throws: ``PatternSetError`` naming the first pattern that does not compile.
    public init(patterns: [String], options: PatternOptions = [], limits: MatchLimits = .default,
                engine: Engine = .prefilter, literalRarity: ((String) -> Double)? = nil,
                literalCache: RequiredLiteralCache? = nil, patternCache: CompiledPatternCache? = nil,
                watch: [String] = [])
        throws(PatternSetError)
    {
        var compiled: [Pattern] = []
        compiled.reserveCapacity(patterns.count)
        for (index, source) in patterns.enumerated() {
            do {
                // The prefilter tells PCRE2 where matches must start by (see `lastStart(for:scratch:)`).
                let patternOptions = engine == .prefilter ? options.union(.offsetLimit) : options
                if let patternCache {
                    compiled.append(try patternCache.pattern(source, options: patternOptions, limits: limits))
                } else {
                    compiled.append(try Pattern(source, options: patternOptions, limits: limits))
                }
            } catch {
                throw PatternSetError(patternIndex: index, underlying: error)
            }
        }
        self.patterns = compiled
        self.engine = engine
        let cost = Self.costFunction(literalRarity)
        let caseless = options.contains(.caseless)
        func analysed(_ source: String) -> LiteralExtractor.Result? {
            guard let literalCache else {
                return LiteralExtractor.requiredLiterals(of: source, caseless: caseless, cost: cost)
            }
            return literalCache.result(for: source, caseless: caseless) {
                LiteralExtractor.requiredLiterals(of: source, caseless: caseless, cost: cost)
            }
        }
        // Per pattern, its units' analyses (none: the pattern always runs). A top-level alternation is split when
        // every branch has literals and one of them gains a second set (a branch's own conjunction filters better
        // than the union of all branches' sets); otherwise the pattern is one unit.
        let units: [[LiteralExtractor.Result]] = engine == .naive ? patterns.map { _ in [] } : patterns.map {
            source in
            guard let whole = analysed(source) else { return [] }
            let branches = whole.branches.compactMap { $0 }
            guard branches.count > 1, branches.count == whole.branches.count,
                  branches.contains(where: { $0.sets.count > 1 }) else { return [whole] }
            return branches
        }
        // A pattern without literals is one unit without sets (a candidate on every text).
        let sets: [[LiteralExtractor.RequiredSet]] = units.flatMap { list in list.isEmpty ? [[]] : list.map(\.sets) }
        var owner: [Int32] = []
        var ranges: [Range<Int>] = []
        for (pattern, list) in units.enumerated() {
            ranges.append(owner.count..<(owner.count + max(1, list.count)))
            owner += Array(repeating: Int32(pattern), count: max(1, list.count))
        }
        unitPattern = owner
        patternUnits = ranges
        requiredSets = sets.map { $0.map(\.literals) }
        estimatedRunShare = units.map { list in
            guard !list.isEmpty else { return 1 }
            return min(1, list.reduce(0) { total, unit in total + (unit.sets.map { cost($0.literals) }.min() ?? 1) })
        }
        setCount = sets.map(\.count)
        reach = sets.flatMap { s in (0..<2).map { k in k < s.count ? s[k].reach ?? -1 : -1 } }
        shortestLiteral = sets.flatMap { s in
            (0..<2).map { k in k < s.count ? s[k].literals.map(\.count).min() ?? 0 : 0 }
        }
        pairDistance = sets.flatMap { s in
            (0..<2).map { k in
                guard s.count == 2 else { return Int.max }
                let fromStart = s[k].reach.map { $0 - (s[1 - k].literals.map(\.count).min() ?? 0) } ?? Int.max
                return min(fromStart, s[k].pairBound ?? Int.max)
            }
        }
        alwaysRun = sets.indices.filter { sets[$0].isEmpty }.map { Int32($0) }
        var entries: [(literal: [UInt8], value: Int32)] = []
        for (unit, unitSets) in sets.enumerated() {
            for (k, set) in unitSets.enumerated() {
                for literal in set.literals { entries.append((literal, Int32(unit * 2 + k))) }
            }
        }
        let literalCount = Set(entries.map(\.literal)).count
        let watched = engine == .naive ? [] : watch.filter { !$0.isEmpty }
        watchValue = watched.isEmpty ? Int.max : 2 * sets.count
        for literal in watched { entries.append((Array(literal.utf8), Int32(2 * sets.count))) }
        automaton = AhoCorasick(entries)
        statistics = Statistics(
            patternCount: patterns.count,
            patternsWithLiterals: units.count { !$0.isEmpty },
            literalCount: literalCount,
            automatonStates: engine == .naive ? 0 : automaton.stateCount,
            patternsWithSecondSet: units.count { $0.contains { $0.sets.count > 1 } },
            patternsSplitIntoBranches: units.count { $0.count > 1 })
    }

    /// Whether scans report if a watched literal occurred (prefilter engine, `watch` given at `init`).
    public var watchesLiterals: Bool { watchValue != Int.max }

    /// Literals of which one occurs in every text where a scan runs any pattern: the first required set of every
    /// unit (a unit is a candidate only when its first set occurred). Nil when some pattern always runs or the
    /// engine is naive. A text with none of them gives no match.
    public var literalsEveryCandidateNeeds: [String]? {
        guard engine == .prefilter, alwaysRun.isEmpty else { return nil }
        var literals: [String] = []
        var seen = Set<[UInt8]>()
        for unitSets in requiredSets {
            for literal in unitSets[0] where seen.insert(literal).inserted {
                literals.append(String(decoding: literal, as: UTF8.self))
            }
        }
        return literals
    }

    /// A new scratch for one thread or task; reuse it for every scan on that thread.
    public func makeScratch() -> Scratch { Scratch(unitCount: unitPattern.count, patternCount: patterns.count) }

    /// The cheapest required literal set chosen for pattern `index` (nil when it has none and always runs).
    public func requiredLiterals(ofPattern index: Int) -> [String]? {
        requiredLiteralSets(ofPattern: index).first
    }

    /// All required literal sets of pattern `index` (empty when it always runs); it runs only if each occurred.
    /// For a pattern split into branches, one set: the union of its branches' first sets.
    public func requiredLiteralSets(ofPattern index: Int) -> [[String]] {
        let branches = requiredLiteralBranches(ofPattern: index)
        guard branches.count > 1 else { return branches.first ?? [] }
        var union: [String] = []
        for literal in branches.flatMap({ $0[0] }) where !union.contains(literal) { union.append(literal) }
        return [union]
    }

    /// Per unit of pattern `index` (one, or one per top-level branch), its required literal sets: the pattern runs
    /// when all sets of one unit occurred.
    public func requiredLiteralBranches(ofPattern index: Int) -> [[[String]]] {
        patternUnits[index].map { unit in requiredSets[unit].map { $0.map { String(decoding: $0, as: UTF8.self) } } }
    }

    /// Cost of a literal set: the sum of the literals' estimated frequencies (plus a tiny built-in tie-breaker).
    static func costFunction(_ rarity: ((String) -> Double)?) -> ([[UInt8]]) -> Double {
        { set in
            set.reduce(0) { total, literal in
                let builtIn = builtInFrequency(literal)
                guard let rarity else { return total + builtIn }
                return total + max(0, rarity(String(decoding: literal, as: UTF8.self))) + builtIn * 1e-9
            }
        }
    }

    /// A crude frequency guess: each CJK / other non-ASCII character divides it by 30, each ASCII by 4.
    static func builtInFrequency(_ literal: [UInt8]) -> Double {
        var frequency = 1.0
        for byte in literal where byte & 0xC0 != 0x80 {
            frequency /= byte < 0x80 ? 4 : 30
        }
        return frequency
    }
}
