import LearnedScore
import RuleKit
import Testing

@Suite("model file")
struct ModelFileTests {
    static let bytes = Fixture.model().encoded()

    @Test("a written model reads back with the same weights, bands and header")
    func roundTrip() throws {
        let model = Fixture.model()
        let read = try LearnedModel.decode(model.encoded(), path: "m")
        #expect(read.header == model.header)
        #expect(read.model == model.model)
    }

    @Test("a file cut short is refused as truncated", arguments: [9, 15, 40, 200, -1, -33])
    func truncated(cut: Int) {
        let bytes = Self.bytes
        let length = cut > 0 ? cut : bytes.count + cut
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(Array(bytes[0..<length]), path: "m.rdmodel") }
        guard case .truncated = error?.reason else {
            Issue.record("expected truncated, got \(String(describing: error))")
            return
        }
        #expect(error?.description.hasPrefix("m.rdmodel: truncated model file") == true)
    }

    @Test("a flipped byte is refused by the checksum", arguments: [20, 100, 400])
    func corrupt(offset: Int) {
        var bytes = Self.bytes
        bytes[bytes.count - offset] ^= 0x01
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m") }
        #expect(error?.reason == .corrupt("checksum mismatch"))
    }

    @Test("an older or newer format version is refused with a hint to retrain", arguments: [1, 3])
    func wrongVersion(version: UInt8) {
        var bytes = Self.bytes
        bytes[8] = version
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m") }
        #expect(error?.reason == .unsupportedVersion(Int(version)))
        #expect(error?.message.contains("version \(version) is not supported") == true)
        #expect(error?.message.contains("retrain") == true)
    }

    @Test("a file that is not a model is refused", arguments: [[UInt8](), Array("{\"weights\": []}".utf8)])
    func notAModel(bytes: [UInt8]) {
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m") }
        #expect(error?.reason == .notAModel)
    }

    @Test("bytes after the checksum are refused")
    func trailing() {
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(Self.bytes + [0], path: "m") }
        guard case .corrupt = error?.reason else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
    }

    @Test("a model made for another feature scheme is refused as incompatible")
    func mismatchedScheme() {
        let model = Fixture.model()
        var header = model.header
        header.hashing.scheme = "word-unigram-v9"
        let bytes = ModelFileCodec.encode(header: header, weights: model.model.weights, idf: model.extractor.idf)
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m") }
        guard case .incompatible(let detail) = error?.reason else {
            Issue.record("expected incompatible, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("word-unigram-v9"))
    }

    @Test("a missing file is refused as unreadable")
    func missing() {
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.load(path: "/nonexistent/model.rdmodel") }
        #expect(error?.reason == .unreadable)
    }
}

@Suite("model file IDF")
struct ModelFileIDFTests {
    @Test("IDF weights survive a round trip and scores do not change")
    func idfRoundTrip() throws {
        let model = Fixture.model()
        let idf = try #require(model.extractor.idf)
        let read = try LearnedModel.decode(model.encoded(), path: "m")
        #expect(read.extractor.idf == idf)
        for posting in Fixture.postings.prefix(5) {
            #expect(read.probability(for: posting.subject) == model.probability(for: posting.subject))
        }
    }

    @Test("without IDF the section is empty and features are plain term frequencies")
    func withoutIDF() throws {
        var hashing = Fixture.smallHashing
        hashing.idf = false
        let model = Fixture.model(hashing: hashing)
        #expect(model.extractor.idf == nil)
        #expect(try LearnedModel.decode(model.encoded(), path: "m").extractor.idf == nil)
    }
}
