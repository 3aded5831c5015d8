import Testing
@testable import PCRE2
import SeededRandom

/// Random patterns over a wide slice of PCRE2 syntax, to check that literal extraction never drops a match.
struct SyntaxFuzzer {
    var rng: SplitMix64
    static let atoms = ["押", "金", "交", "a", "B", "1", "。", "\\x{62bc}", "\\.", ".", "\\d", "\\w", "\\s", "[押交]",
                        "[^。]", "[a-c]", "[0-9０-９]", "\\p{Han}", "\\b", "^", "$", "\\R", "[\\]押]", "(?i:b)"]

    mutating func node(depth: Int) -> String {
        if depth > 2 || rng.chance(0.45) { return quantified(rng.pick(Self.atoms)) }
        switch rng.int(0...6) {
        case 0: return "(?:" + alternatives(depth) + ")"
        case 1: return quantified("(" + sequence(depth) + ")")
        case 2: return rng.pick(["(?=", "(?!", "(?<=", "(?<!"]) + rng.pick(["押", "交", "[不无]", "a|bc"]) + ")"
        case 3: return "(?i)" + sequence(depth)
        case 4: return quantified("(?:" + alternatives(depth) + ")")
        case 5: return "(?>" + sequence(depth) + ")"
        default: return sequence(depth)
        }
    }

    mutating func quantified(_ atom: String) -> String {
        guard !["\\b", "^", "$"].contains(atom), rng.chance(0.4) else { return atom }
        let q = rng.pick(["?", "*", "+", "{2}", "{1,3}", "{0,2}", "{2,}"])
        return atom + q + (rng.chance(0.2) ? rng.pick(["?", "+"]) : "")
    }

    mutating func sequence(_ depth: Int) -> String { (0..<rng.int(1...4)).map { _ in node(depth: depth + 1) }.joined() }
    mutating func alternatives(_ depth: Int) -> String {
        (0..<rng.int(1...3)).map { _ in sequence(depth) }.joined(separator: "|")
    }

    mutating func text() -> String {
        let pieces = ["押", "金", "交", "a", "b", "B", "1", "２", "。", ".", " ", "\n", "不", "无", "bc", "押金", "交押金"]
        return (0..<rng.int(0...40)).map { _ in rng.pick(pieces) }.joined()
    }
}

@Suite("Prefilter on varied syntax")
struct PrefilterSyntaxFuzzTests {
    @Test("prefilter equals naive on randomly generated PCRE2 syntax", arguments: Array(1...8) as [UInt64])
    func fuzz(seed: UInt64) throws {
        var fuzzer = SyntaxFuzzer(rng: SplitMix64(seed: seed))
        var sources: [String] = []
        while sources.count < 80 {
            let candidate = fuzzer.node(depth: 0)
            if (try? Pattern(candidate)) != nil { sources.append(candidate) }
        }
        let naive = try PatternSet(patterns: sources, engine: .naive)
        let prefilter = try PatternSet(patterns: sources)
        let naiveScratch = naive.makeScratch(), prefilterScratch = prefilter.makeScratch()
        for _ in 0..<200 {
            let text = fuzzer.text()
            // Nested quantifiers can hit the match limit; the prefilter may then legitimately skip that pattern.
            guard let expected = try? naive.scan(text, scratch: naiveScratch, maxMatchesPerPattern: 64) else { continue }
            let actual = try prefilter.scan(text, scratch: prefilterScratch, maxMatchesPerPattern: 64)
            if actual != expected {
                let differing = Set(expected.map(\.pattern)).symmetricDifference(actual.map(\.pattern))
                    .map { sources[$0] }
                Issue.record("mismatch for patterns \(differing)")
            }
        }
        #expect(prefilter.statistics.patternsWithLiterals > 20)
    }
}
