import LearnedScore
import RuleKit
import Testing

@Suite("features")
struct FeatureTests {
    @Test("n-gram byte ranges cover the right text in mixed scripts")
    func byteRanges() {
        let text = "Ａ薪😀 ok日结"
        let hasher = NGramHasher(parameters: HashingParameters(bits: 12, fieldGroups: ["description": "text"]))
        var grams: [String] = []
        let bytes = Array(text.utf8)
        hasher.forEachNGram(in: Fixture.posting(text)) { occurrence in
            #expect(occurrence.fieldIndex == 1)
            grams.append(String(decoding: bytes[occurrence.start..<occurrence.end], as: UTF8.self))
        }
        #expect(grams.contains("Ａ薪😀"))
        #expect(grams.contains("😀"))
        #expect(grams.contains("日结"))
        #expect(grams.contains(" ok"))
    }

    @Test("full-width letters, case and digits fold to the same features")
    func normalisation() {
        let extractor = FeatureExtractor(parameters: HashingParameters(bits: 14))
        #expect(extractor.vector(for: Fixture.posting("ＶＸ 日薪８００")) == extractor.vector(for: Fixture.posting("vx 日薪123")))
        #expect(extractor.vector(for: Fixture.posting("日薪800")) != extractor.vector(for: Fixture.posting("月薪800")))
    }

    @Test("vectors have unit length and fields outside the groups are ignored")
    func unitLength() {
        let extractor = FeatureExtractor(parameters: HashingParameters(bits: 14))
        let vector = extractor.vector(for: Fixture.posting("招聘仓库理货员，包吃住"))
        let length = vector.values.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(length - 1) < 1e-5)
        let contact = Subject(kind: .jobPosting, id: "x", fields: [SubjectField(name: "contact", text: "13800000000")])
        #expect(extractor.vector(for: contact).count == 0)
    }

    @Test("SHA-256 matches the FIPS 180-4 examples", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(input: String, expected: String) {
        #expect(SHA256.hash(Array(input.utf8)).hexString == expected)
        var chunked = SHA256()
        for byte in input.utf8 { chunked.update([byte]) }
        #expect(chunked.finalize().hexString == expected)
    }
}
