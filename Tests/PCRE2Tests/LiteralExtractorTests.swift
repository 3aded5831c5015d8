import Testing
@testable import PCRE2

/// Required literals of `pattern` with the built-in cost, as a set of strings (nil: none).
private func literals(_ pattern: String, caseless: Bool = false,
                      rarity: ((String) -> Double)? = nil) -> Set<String>? {
    LiteralExtractor.requiredLiterals(of: pattern, caseless: caseless, cost: PatternSet.costFunction(rarity))
        .map { Set($0.literals.map { String(decoding: $0, as: UTF8.self) }) }
}

@Suite("Required-literal extraction")
struct LiteralExtractorTests {
    @Test("shapes with a usable literal set", arguments: [
        ("押金", ["押金"]),
        ("(?:先交|缴纳)[^。]{0,8}押金", ["押金"]),
        ("a?b", ["b"]),
        ("(?:x|y*)z", ["z"]),
        ("(?!不)押金", ["押金"]),
        ("(?<!不)收取", ["收取"]),
        ("(?<=[不无])收", ["收"]),
        ("[0-9]+元", ["元"]),
        ("押金|保证金", ["押金", "保证金"]),
        ("(?:交|缴)(?:押金|保证金)", ["交押金", "交保证金", "缴押金", "缴保证金"]),
        ("\\x{62bc}金", ["押金"]),
        ("押{2}", ["押押"]),
        ("押{2,}", ["押押"]),
        ("(?i:vx)押金", ["vx押金"]),
        ("(?i:sk)押金", ["押金"]),
        ("(?i)押金", ["押金"]),
        ("先?交押金", ["交押金"]),
        ("^押金$", ["押金"]),
        ("\\b押金\\b", ["押金"]),
        ("(押金)+", ["押金"]),
        ("(?<fee>押金)", ["押金"]),
        ("(?#注释)押金", ["押金"]),
        ("[押]金", ["押金"]),
        ("押\\.金", ["押.金"]),
        ("(?:押金|保证金){1,3}?", ["押金", "保证金"]),
        ("(?:a|b)(?:c|d)(?:e|f)", ["ace", "acf", "ade", "adf", "bce", "bcf", "bde", "bdf"]),
        ("[\\]x]y", ["]y", "xy"]),
    ])
    func usable(pattern: String, expected: [String]) {
        #expect(literals(pattern) == Set(expected))
    }

    @Test("shapes without a usable literal", arguments: [
        ".*", "\\d+", "[^。]{0,8}", "押金|\\d+", "(?:押金)?", "(?i)ks", "(?i)微信|sk", "(押)\\1",
        "a\\Qb\\E", "(?x) 押 金", "(*UTF)押金", "(?(1)a|b)", "(?R)", "押{,3}", "[[:alpha:]]+", "(?:押金)*",
        "押金)", "(押金", "[a-z]{2}", "押\\K金", "\\G押金", "押\\C",
    ])
    func unusable(pattern: String) {
        #expect(literals(pattern) == nil)
    }

    @Test("caseless: ASCII letters are literals in small letters, except K and S; CJK stays usable")
    func caselessOption() {
        #expect(literals("加vx押金", caseless: true) == ["加vx押金"])
        #expect(literals("加sk押金", caseless: true) == ["押金"])
        #expect(literals("weixin", caseless: true) == ["weixin"])
        #expect(literals("(?-i)weixin", caseless: true) == ["weixin"])
        #expect(literals("(?i:VX|Wx)\\d+") == ["vx", "wx"])
        #expect(literals("(?i)we?ixin") == ["weixin", "wixin"])
        // K and S have a non-ASCII case variant (Kelvin sign, long s): they end the literal, like any class.
        #expect(literals("(?i)kefu") == ["efu"])
        #expect(literals("(?i)QQs") == ["qq"])
        #expect(literals("(?i)[Kk]x") == ["x"])
    }

    @Test("case-sensitive letters are folded to small letters too: the automaton matches ASCII without case")
    func foldedLiterals() {
        #expect(literals("[Vv][Xx]") == ["vx"])
        #expect(literals("QQ|qq") == ["qq"])
        #expect(literals("(?:VX|V信)") == ["vx", "v信"])
    }

    @Test("a second required set is kept only when it is small; a large cross-product is not worth its states")
    func secondSetSize() {
        func sets(_ pattern: String) -> [[String]] {
            let result = LiteralExtractor.requiredLiterals(of: pattern, caseless: false, cost: PatternSet.costFunction(nil))
            return result?.sets.map { $0.literals.map { String(decoding: $0, as: UTF8.self) }.sorted() } ?? []
        }
        #expect(sets("(?:先交|缴纳)[^。]{0,8}押金").count == 2)
        // 4 × 4 × 4 = 64 strings in the second part: only the first set is kept.
        let courier = sets("别多问[^。]{0,30}(?:取|送|带|拿)(?:的|个|一个)?(?:件|东西|包裹|快递)")
        #expect(courier == [["别多问"]])
        // Exactly at the limit (4 × 4 = 16) the second set stays.
        #expect(sets("别多问[^。]{0,30}(?:取|送|带|拿)(?:件|东西|包裹|快递)").map(\.count) == [1, 16])
    }

    @Test("PCRE2 matches no non-ASCII character caselessly with an ASCII letter, except K and S")
    func caselessVariantsOfASCII() throws {
        // The premise of folding ASCII case in the automaton, checked against the PCRE2 library in use.
        let others = String(String.UnicodeScalarView((0x80...0xFFFF).compactMap(Unicode.Scalar.init)))
        var found: [String: [UInt32]] = [:]
        for letter in "abcdefghijklmnopqrstuvwxyz" {
            let pattern = try Pattern(String(letter), options: .caseless)
            let scratch = MatchScratch(ovectorPairs: 1)
            var text = others
            try text.withUTF8 { bytes in
                try pattern.forEachMatch(in: bytes, from: 0, scratch: scratch, limit: 10) { range in
                    let scalar = String(decoding: bytes[range], as: UTF8.self).unicodeScalars.first!
                    found[String(letter), default: []].append(scalar.value)
                }
            }
        }
        #expect(found == ["k": [0x212A], "s": [0x017F]])
        #expect(!LiteralExtractor.isCaselessSafe("k") && !LiteralExtractor.isCaselessSafe("S"))
        #expect(LiteralExtractor.isCaselessSafe("v") && LiteralExtractor.isCaselessSafe("Q"))
    }

    @Test("(?i) lasts to the end of its group only")
    func inlineFlagScope() {
        // Caseless K and S end a literal; case-sensitive ones do not.
        #expect(literals("(?:(?i)k)sb") == ["sb"])
        #expect(literals("(?:(?i)s)kc") == ["kc"])
        #expect(literals("(?:(?i)s)(?i)kc") == ["c"])
    }

    @Test("rarity decides between candidate sets")
    func rarityChoosesSet() {
        let pattern = "(?:先交|缴纳)[^。]{0,8}押金"
        #expect(literals(pattern, rarity: { $0.contains("押") || $0.contains("金") ? 0.9 : 0.01 }) == ["先交", "缴纳"])
        #expect(literals(pattern, rarity: { $0.contains("押") || $0.contains("金") ? 0.001 : 0.5 }) == ["押金"])
    }

    @Test("reach bounds the bytes from match start to the end of the literal", arguments: [
        ("押金", 6), ("(?:先交|缴纳)[^。]{0,8}押金", 6 + 32 + 6), ("先?交押金", 12), ("(?<!不)押金", 6),
        ("\\d{1,3}元", 12 + 3), ("(?:日赚|刷单返利)\\d+", 12), ("(?:押金|保证金)+", 9), ("押{2,}", 6),
    ])
    func reach(pattern: String, expected: Int) {
        let result = LiteralExtractor.requiredLiterals(of: pattern, caseless: false, cost: PatternSet.costFunction(nil))
        #expect(result?.reach == expected)
    }

    @Test("reach is unbounded after an unbounded part")
    func unboundedReach() {
        let result = LiteralExtractor.requiredLiterals(of: "\\d+元", caseless: false, cost: PatternSet.costFunction(nil))
        #expect(result?.literals == [Array("元".utf8)])
        #expect(result?.reach == nil)
    }

    @Test("a set drops literals that contain another of its literals")
    func simplification() {
        let set = LiteralExtractor.simplified([Array("押金".utf8), Array("缴押金".utf8), Array("押金".utf8)])
        #expect(set == [Array("押金".utf8)])
    }
}
