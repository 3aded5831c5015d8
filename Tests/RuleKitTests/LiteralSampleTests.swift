import PatternPack
import Testing

@Suite("Literal rarity sample")
struct LiteralSampleTests {
    /// The definition: smoothed share of texts whose bytes contain the literal's bytes.
    /// ASCII letters count in any case, as the prefilter's automaton finds them.
    static func expected(_ literal: String, _ texts: [String]) -> Double {
        guard !literal.isEmpty else { return 1 }
        func folded(_ text: String) -> [UInt8] { text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 } }
        let needle = folded(literal)
        let containing = texts.filter { text in
            let hay = folded(text)
            guard hay.count >= needle.count else { return false }
            return (0...(hay.count - needle.count)).contains { Array(hay[$0..<($0 + needle.count)]) == needle }
        }.count
        return (Double(containing) + 0.5) / Double(texts.count + 1)
    }

    @Test("frequencies equal the definition for literals of 0–6 characters over generated texts (>64 texts)")
    func matchesDefinition() {
        let alphabet = Array("押金先交费用不退vxVX微信1 ，").map(String.init)
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // Short texts (where most literals of three or more characters are absent) and long ones (where their pairs
        // occur in many texts that do not hold the literal itself).
        let texts = (0..<150).map { i in
            (0..<next(i % 2 == 0 ? 12 : 60)).map { _ in alphabet[next(alphabet.count)] }.joined()
        }
        let sample = LiteralSample(texts: texts)
        for _ in 0..<600 {
            let literal = (0..<next(7)).map { _ in alphabet[next(alphabet.count)] }.joined()
            #expect(sample.frequency(literal) == Self.expected(literal, texts), "literal \(literal)")
            #expect(sample.frequency(literal) == Self.expected(literal, texts), "cached: \(literal)")
        }
        #expect(sample.frequency("押金") == Self.expected("押金", texts))
        #expect(sample.frequency("没有的字") == 0.5 / 151)
    }

    @Test("ASCII letters are counted in any case, since the automaton matches them so")
    func caseFolded() {
        let sample = LiteralSample(texts: ["加VX详聊", "vx号", "Vx", "无关"])
        #expect(sample.frequency("vx") == 3.5 / 5)
        #expect(sample.frequency("VX") == 3.5 / 5)
        #expect(sample.frequency("详聊") == 1.5 / 5)
    }

    @Test("characters of every UTF-8 length, and pairs across fields' line breaks, are counted as the bytes occur")
    func everyLength() {
        let texts = ["é押金😀Vx", "押金\n😀", "é押", "😀vx押金é", "a\u{0}b"]
        let sample = LiteralSample(texts: texts)
        for literal in ["é押", "押金😀", "😀vx", "金é", "😀", "é", "金\n😀", "\u{0}b", "a\u{0}", "b", "押金😀V", "é押金"] {
            #expect(sample.frequency(literal) == Self.expected(literal, texts), "literal \(literal)")
        }
    }
}
