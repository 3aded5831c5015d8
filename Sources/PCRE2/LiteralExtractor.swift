/// Derives, from PCRE2 pattern syntax, a set of *required literals*: byte strings one of which occurs in the
/// text of any match.
///
/// A small recursive-descent parser over the pattern's Unicode scalars computes for each node
/// - `exact`: the complete, finite set of strings the node can consume (≤ ``cap`` strings), if known;
/// - `best`: the cheapest required set found so far, by the given cost.
///
/// Rules: a concatenation's required set is any factor's set or the cross-product of a run of adjacent exact
/// factors (capped); a quantifier with minimum 0 contributes nothing (except `?` on an exact node, which adds "");
/// lookarounds and anchors consume "" ; an alternation's set is the union of its branches' best sets, and none if
/// any branch has none. Under caseless matching, a letter is exact only when all its case variants are ASCII
/// (every ASCII letter but K and S; the automaton folds ASCII case); CJK characters, digits and punctuation have no
/// case and stay usable. Anything not understood makes the whole pattern "no usable literal" — it then always runs.
///
/// Besides the cheapest set, a top-level concatenation yields one candidate per disjoint part (each inexact factor,
/// and the best run of each exact segment); the second-cheapest becomes a second required set, since every match
/// consumes every factor. Each set carries a *reach*: a bound on the bytes from the match start to the end of the
/// literal occurrence, computed from the maximum byte lengths of the parts before it.
struct LiteralExtractor {
    typealias Literal = [UInt8]

    /// What is known about one node of the pattern.
    struct Info {
        /// Every string the node can consume, if finite and small.
        var exact: [Literal]?
        /// Most bytes the node can consume (nil: unbounded).
        var maxLen: Int?
        /// Cheapest required set found so far.
        var best: [Literal]?
        var bestCost: Double = .infinity
        /// Bound on the distance in bytes from the node's start to the end of the required literal's occurrence
        /// (nil: unbounded). Lets a scan start PCRE2 shortly before the first literal occurrence.
        var bestReach: Int?
        /// For a concatenation: required sets from disjoint factors (every match contains one of each).
        var conjuncts: [RequiredSet] = []
        /// For a concatenation: its factors' `maxLen`s (to bound the distance between two conjuncts' occurrences).
        var factorMaxLens: [Int?] = []
        /// Where the best set's part starts (index of its first factor in the concatenation; nil: not a part of
        /// one), and a bound on the bytes from the part's start to the end of the set's occurrence.
        var bestStart: Int?
        var bestReachInPart: Int?
        /// For an alternation that is the whole pattern, or the one group a whole pattern consists of: its
        /// branches (each a match of the pattern from the same start). Empty otherwise.
        var branches: [Info] = []

        init(exact: [Literal]) {
            self.exact = exact
            maxLen = exact.map(\.count).max() ?? 0
        }

        init(unknownMaxLen: Int?) {
            exact = nil
            maxLen = unknownMaxLen
        }

        static let empty = Info(exact: [[]])
        /// Any single character (a class, `.`, `\d`, a caseless letter): at most 4 bytes.
        static let oneChar = Info(unknownMaxLen: 4)
    }

    /// A required literal set with its cost and reach bound (see ``Info/bestReach``).
    struct RequiredSet {
        let literals: [Literal]
        let cost: Double
        let reach: Int?
        /// For a conjunct of a concatenation: the index of its part's first factor, and a bound on the bytes from
        /// the part's start to the end of the set's occurrence.
        var start: Int?
        var reachInPart: Int?
        /// Of a pattern's two sets, for the one whose part comes later: a bound on (end of its occurrence − end of
        /// the other set's occurrence) in any match, from the factors between them (finite even when the pattern's
        /// start is unbounded, as in `\d+元押金`); nil when none is known.
        var pairBound: Int?
    }

    /// The required sets of a pattern: the cheapest first, then at most one more from a disjoint part of the
    /// pattern (every match contains an occurrence from each set).
    struct Result {
        let sets: [RequiredSet]
        /// When the pattern is an alternation (possibly inside one wrapping group) of at most ``maxBranches``
        /// branches: each branch's own required sets, nil for a branch without any. Every match of the pattern is
        /// a match of one branch from the same start.
        var branches: [Result?] = []
        /// The cheapest set's literals.
        var literals: [Literal] { sets[0].literals }
        /// The cheapest set's reach bound.
        var reach: Int? { sets[0].reach }
    }

    /// A second set is only worth checking when it is not common (estimated frequency below this).
    static let secondSetMaxCost = 0.5
    /// …and when it is small: a second set is a filter on top of the first, and a large one (a cross-product such as
    /// `(?:取|送|带|拿)(?:的|个)?(?:件|东西|包裹)`) adds more automaton states than the runs it saves are worth.
    static let secondSetMaxLiterals = 16

    /// Thrown for syntax the extractor does not model; the pattern then has no usable literal.
    struct Unsupported: Error {}

    /// Maximum number of strings in an exact set or cross-product.
    static let cap = 64
    /// Maximum number of characters a class may list to count as an exact set.
    static let classCap = 16

    let scalars: [Unicode.Scalar]
    var index = 0
    var caseless: Bool
    private let cost: ([Literal]) -> Double

    /// The cheapest required set of `pattern`, or nil when it has none (or uses syntax not modelled).
    /// - Parameters:
    ///   - pattern: PCRE2 pattern text (compiled elsewhere with UTF + UCP).
    ///   - caseless: whether the pattern is compiled caseless.
    ///   - cost: estimated total frequency of a set of literals (lower = better).
    static func requiredLiterals(of pattern: String, caseless: Bool, cost: @escaping ([Literal]) -> Double)
        -> Result? {
        var parser = LiteralExtractor(scalars: Array(pattern.unicodeScalars), caseless: caseless, cost: cost)
        do {
            let info = try parser.parseAlternation()
            guard parser.index == parser.scalars.count else { return nil }  // unbalanced ')'
            guard var result = Self.result(of: info) else { return nil }
            // The branches were parsed in the same pass, with the option settings in force where each begins.
            result.branches = info.branches.map(Self.result(of:))
            return result
        } catch {
            return nil
        }
    }

    /// The required sets of a parsed node: its cheapest set, then its cheapest other conjunct when that is rare
    /// and small enough; nil without a usable set.
    private static func result(of info: Info) -> Result? {
        guard let best = info.best else { return nil }
        var primary = RequiredSet(literals: best, cost: info.bestCost, reach: info.bestReach,
                                  start: info.bestStart, reachInPart: info.bestReachInPart)
        let others = info.conjuncts.sorted { $0.cost < $1.cost }
            .filter { $0.literals != best && $0.literals.count <= secondSetMaxLiterals }
        guard var second = others.first, second.cost < secondSetMaxCost else { return Result(sets: [primary]) }
        primary.pairBound = Self.pairBound(primary, after: second, factorMaxLens: info.factorMaxLens)
        second.pairBound = Self.pairBound(second, after: primary, factorMaxLens: info.factorMaxLens)
        return Result(sets: [primary, second])
    }

    /// Most branches a pattern is selected by one by one (see ``Result/branches``).
    static let maxBranches = 64

    /// A bound on (end of `later`'s occurrence − end of `earlier`'s) in any match, when `later`'s part follows
    /// `earlier`'s: `earlier`'s occurrence lies in its part and ends at least its shortest literal after the part's
    /// start; `later`'s ends at most `reachInPart` after its own part's start, which is at most the factors in
    /// between (and `earlier`'s part) after `earlier`'s. Nil when `later` does not come later or a factor between
    /// is unbounded.
    static func pairBound(_ later: RequiredSet, after earlier: RequiredSet, factorMaxLens: [Int?]) -> Int? {
        guard let from = earlier.start, let to = later.start, from < to, to <= factorMaxLens.count,
              let within = later.reachInPart else { return nil }
        var between = 0
        for factor in from..<to {
            guard let length = factorMaxLens[factor] else { return nil }
            between += length
        }
        return between + within - (earlier.literals.map(\.count).min() ?? 0)
    }

    private init(scalars: [Unicode.Scalar], caseless: Bool, cost: @escaping ([Literal]) -> Double) {
        self.scalars = scalars
        self.caseless = caseless
        self.cost = cost
    }

    // MARK: - Structure

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func next() throws -> Unicode.Scalar {
        guard index < scalars.count else { throw Unsupported() }
        defer { index += 1 }
        return scalars[index]
    }

    mutating func consume(_ s: Unicode.Scalar) -> Bool {
        guard peek == s else { return false }
        index += 1
        return true
    }

    mutating func parseAlternation() throws -> Info {
        var branches = [try parseConcatenation()]
        while consume("|") { branches.append(try parseConcatenation()) }
        guard branches.count > 1 else { return branches[0] }
        var info = alternation(branches)
        if branches.count <= Self.maxBranches { info.branches = branches }
        return info
    }

    private mutating func parseConcatenation() throws -> Info {
        var factors: [Info] = []
        while let c = peek, c != "|", c != ")" {
            let atom = try parseAtom()
            factors.append(try parseQuantifiers(on: atom))
        }
        return concatenation(factors)
    }

    private mutating func parseAtom() throws -> Info {
        let c = try next()
        switch c {
        case "(": return try parseGroup()
        case "[": return try parseClass()
        case "\\": return try parseEscape()
        case ".": return .oneChar
        case "^", "$": return .empty
        case "*", "+", "?", "{", ")", "|": throw Unsupported()
        default: return literal(c)
        }
    }

    func literal(_ c: Unicode.Scalar) -> Info {
        if caseless && !Self.isCaselessSafe(c) { return .oneChar }
        return Info(exact: [Self.folded(c)])
    }

    /// The UTF-8 bytes of `c`, an ASCII capital letter as its small letter. The automaton matches ASCII letters
    /// without regard to case (``AhoCorasick``), so `V` and `v` are the same literal; folding here only keeps sets
    /// small (`[Vv][Xx]` is one literal, not four).
    static func folded(_ c: Unicode.Scalar) -> Literal {
        if c.isASCII { return [UInt8(c.value) | (("A"..."Z").contains(c) ? 0x20 : 0)] }
        return Array(String(Character(c)).utf8)
    }

    /// Characters whose every case variant a literal of theirs finds: those without case variants under Unicode
    /// case folding (digits, ASCII non-letters, CJK), and the ASCII letters whose only variant is the other ASCII
    /// case — the automaton folds ASCII case. Not K and S: PCRE2 matches `(?i)k` against the Kelvin sign U+212A
    /// and `(?i)s` against the long s U+017F, which an ASCII literal would not find.
    static func isCaselessSafe(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0..<0x41, 0x5B..<0x61, 0x7B..<0x80: return true
        case 0x41...0x5A, 0x61...0x7A: return !["k", "K", "s", "S"].contains(c)
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF20: return true
        default: return false
        }
    }

    // MARK: - Quantifiers

    private mutating func parseQuantifiers(on atom: Info) throws -> Info {
        var info = atom
        while let (min, max) = try parseQuantifier() {
            if consume("?") || consume("+") {}  // lazy / possessive: same language
            info = quantified(info, min: min, max: max)
        }
        return info
    }

    /// Parses `?`, `*`, `+` or `{m}`, `{m,}`, `{m,n}`; nil if no quantifier follows.
    private mutating func parseQuantifier() throws -> (Int, Int?)? {
        switch peek {
        case "?": index += 1; return (0, 1)
        case "*": index += 1; return (0, nil)
        case "+": index += 1; return (1, nil)
        case "{":
            index += 1
            guard let min = parseNumber() else { throw Unsupported() }  // `{,n}`, literal `{`: not modelled
            var max: Int? = min
            if consume(",") { max = parseNumber() }
            guard consume("}") else { throw Unsupported() }
            if let max, max < min { throw Unsupported() }
            return (min, max)
        default: return nil
        }
    }

    private mutating func parseNumber() -> Int? {
        var value: Int?
        while let c = peek, let digit = Int(String(c)), c.isASCII {
            value = min((value ?? 0) * 10 + digit, 1_000_000)
            index += 1
        }
        return value
    }

    private func quantified(_ atom: Info, min: Int, max: Int?) -> Info {
        if max == 0 { return .empty }
        let maxLen = Self.product(atom.maxLen, max)
        if min == 0 {
            guard max == 1, let exact = atom.exact else { return Info(unknownMaxLen: maxLen) }
            return Info(exact: Self.unique(exact + [[]]))
        }
        var result = Info(unknownMaxLen: maxLen)
        result.best = atom.best
        result.bestCost = atom.bestCost
        result.bestReach = atom.bestReach
        if let exact = atom.exact, let power = Self.power(exact, min) {
            if max == min { result.exact = power }
            consider(power, reach: power.map(\.count).max(), in: &result)
        }
        return result
    }

    static func product(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow || value > 1 << 40 ? nil : value
    }

    static func sum(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        return a + b
    }

    // MARK: - Combination

    private func concatenation(_ factors: [Info]) -> Info {
        var prefix: [Int?] = [0]  // prefix[i]: most bytes consumed by factors before i
        for factor in factors { prefix.append(Self.sum(prefix.last ?? nil, factor.maxLen)) }
        var result = Info(unknownMaxLen: prefix.last ?? nil)
        var product: [Literal]? = [[]]
        for factor in factors {
            product = product.flatMap { p in factor.exact.flatMap { Self.cross(p, $0) } }
        }
        result.exact = product
        // One candidate per disjoint part: each inexact factor, and the cheapest run in each exact segment.
        var i = 0
        while i < factors.count {
            var part = Info(unknownMaxLen: nil)
            var partStart = i
            var reachInPart: Int?
            if factors[i].exact == nil {
                part.best = factors[i].best
                part.bestCost = factors[i].bestCost
                part.bestReach = Self.sum(prefix[i], factors[i].bestReach)
                reachInPart = factors[i].bestReach
                i += 1
            } else {
                var end = i
                while end < factors.count, factors[end].exact != nil { end += 1 }
                for start in i..<end {
                    var run: [Literal] = [[]]
                    for factor in factors[start..<end] {
                        guard let exact = factor.exact, let next = Self.cross(run, exact) else { break }
                        run = next
                    }
                    let longest = run.map(\.count).max()
                    let cheapest = part.bestCost
                    consider(run, reach: Self.sum(prefix[start], longest), in: &part)
                    if part.bestCost < cheapest {
                        partStart = start
                        reachInPart = longest
                    }
                }
                i = end
            }
            guard let best = part.best else { continue }
            result.conjuncts.append(RequiredSet(literals: best, cost: part.bestCost, reach: part.bestReach,
                                                start: partStart, reachInPart: reachInPart))
            if part.bestCost < result.bestCost {
                result.best = best
                result.bestCost = part.bestCost
                result.bestReach = part.bestReach
                result.bestStart = partStart
                result.bestReachInPart = reachInPart
            }
        }
        // Only a second set needs them (`pairBound`).
        if result.conjuncts.count > 1 { result.factorMaxLens = factors.map(\.maxLen) }
        // A pattern that is one group: the group's branches are the pattern's.
        if factors.count == 1 { result.branches = factors[0].branches }
        return result
    }

    private func alternation(_ branches: [Info]) -> Info {
        let lengths = branches.map(\.maxLen)
        var result = Info(unknownMaxLen: lengths.contains { $0 == nil } ? nil : lengths.compactMap { $0 }.max())
        let exacts = branches.compactMap(\.exact)
        if exacts.count == branches.count {
            let union = Self.unique(exacts.flatMap { $0 })
            if union.count <= Self.cap { result.exact = union }
        }
        let bests = branches.compactMap(\.best)
        if bests.count == branches.count {
            let reaches = branches.map(\.bestReach)
            let reach = reaches.contains { $0 == nil } ? nil : reaches.compactMap { $0 }.max()
            consider(bests.flatMap { $0 }, reach: reach, in: &result)
        }
        return result
    }

    /// Adopts `set` as the node's best required set if it is usable and cheaper.
    private func consider(_ set: [Literal], reach: Int?, in info: inout Info) {
        guard !set.isEmpty, !set.contains(where: \.isEmpty) else { return }
        let simplified = Self.simplified(set)
        let c = cost(simplified)
        if c < info.bestCost {
            info.best = simplified
            info.bestCost = c
            info.bestReach = reach
        }
    }

    static func cross(_ a: [Literal], _ b: [Literal]) -> [Literal]? {
        guard a.count * b.count <= cap else { return nil }
        if a.count == 1, b.count == 1 { return [a[0] + b[0]] }  // a run of plain characters: the common case
        return unique(a.flatMap { x in b.map { x + $0 } })
    }

    static func power(_ set: [Literal], _ n: Int) -> [Literal]? {
        guard n <= 16 else { return nil }
        var result: [Literal] = [[]]
        for _ in 0..<n {
            guard let next = cross(result, set) else { return nil }
            result = next
        }
        return result
    }

    static func unique(_ set: [Literal]) -> [Literal] {
        guard set.count > 1 else { return set }
        if set.count <= 8 {
            // Small sets (most of them): comparing beats hashing every literal into a new Set.
            var kept: [Literal] = []
            kept.reserveCapacity(set.count)
            for literal in set where !kept.contains(literal) { kept.append(literal) }
            return kept
        }
        var seen = Set<Literal>()
        return set.filter { seen.insert($0).inserted }
    }

    /// Drops duplicates and any literal that contains another literal of the set (it adds no new occurrences).
    static func simplified(_ set: [Literal]) -> [Literal] {
        let sorted = unique(set).sorted { $0.count < $1.count }
        var kept: [Literal] = []
        for candidate in sorted where !kept.contains(where: { candidate.containsSubsequence($0) }) {
            kept.append(candidate)
        }
        return kept
    }
}

extension Array where Element == UInt8 {
    /// True when `needle` occurs as a contiguous run of bytes in `self`.
    func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= count else { return false }
        for start in 0...(count - needle.count) where self[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
