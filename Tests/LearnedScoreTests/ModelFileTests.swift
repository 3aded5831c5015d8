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

    @Test("an older or newer format version is refused with a hint to retrain", arguments: [1, 3, 6])
    func wrongVersion(version: UInt8) {
        var bytes = Self.bytes
        bytes[8] = version
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m") }
        #expect(error?.reason == .unsupportedVersion(Int(version)))
        #expect(error?.message.contains("version \(version) is not supported") == true)
        #expect(error?.message.contains("reads versions 2, 4 and 5") == true)
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
        let bytes = ModelFileCodec.encode(header: header, weights: model.model.weights, bucketWeights: model.extractor.bucketWeights)
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m") }
        guard case .incompatible(let detail) = error?.reason else {
            Issue.record("expected incompatible, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("word-unigram-v9"))
    }

    @Test("bands that are not probabilities in order are refused (a hand-edited file with its checksum redone)",
          arguments: [(-1.0, 0.5), (0.2, -0.1), (0.8, 0.5)])
    func badBands(suspicious: Double, likelyFraud: Double) {
        let model = Fixture.model()
        var header = model.header
        header.bands.suspicious = suspicious
        header.bands.likelyFraud = likelyFraud
        let bytes = ModelFileCodec.encode(header: header, weights: model.model.weights, bucketWeights: model.extractor.bucketWeights)
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m") }
        guard case .corrupt(let detail) = error?.reason else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("score bands"))
        // Off bands (above 1) stay valid.
        header.bands = ScoreBands(suspicious: 0.4, likelyFraud: ScoreBands.off)
        let off = ModelFileCodec.encode(header: header, weights: model.model.weights, bucketWeights: model.extractor.bucketWeights)
        #expect(throws: Never.self) { try LearnedModel.decode(off, path: "m") }
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
        let idf = try #require(model.extractor.bucketWeights)
        let read = try LearnedModel.decode(model.encoded(), path: "m")
        #expect(read.extractor.bucketWeights == idf)
        for posting in Fixture.postings.prefix(5) {
            #expect(read.probability(for: posting.subject) == model.probability(for: posting.subject))
        }
    }

    @Test("without IDF the section is empty and features are plain term frequencies")
    func withoutIDF() throws {
        var hashing = Fixture.smallHashing
        hashing.idf = false
        let model = Fixture.model(hashing: hashing)
        #expect(model.extractor.bucketWeights == nil)
        #expect(try LearnedModel.decode(model.encoded(), path: "m").extractor.bucketWeights == nil)
    }
}

@Suite("model file format versions")
struct ModelFileVersionTests {
    @Test("a model without imputed empty fields, binary TF or NB weighting is written as format version 2 with a version-2 header")
    func defaultStaysVersion2() throws {
        var hashing = Fixture.smallHashing
        hashing.imputeEmptyGroups = false
        let model = Fixture.model(hashing: hashing)
        let bytes = model.encoded()
        #expect(bytes[8] == 2)
        #expect(model.header.formatVersion == 2)
        let json = String(decoding: bytes[16..<(16 + Int(bytes[12]) + Int(bytes[13]) << 8)], as: UTF8.self)
        #expect(json.contains("\"idf\":true"))
        for key in ["binaryTF", "nbRatio", "nbAlpha", "imputeEmptyGroups", "emptyGroupMargins"] {
            #expect(!json.contains(key), "\(key) in a version-2 header")
        }
        let read = try LearnedModel.decode(bytes, path: "m")
        #expect(read.encoded() == bytes)
        for posting in Fixture.postings.prefix(8) {
            #expect(read.probability(for: posting.subject) == model.probability(for: posting.subject))
        }
    }

    @Test("binary TF alone (with IDF) needs format version 4 and round-trips")
    func binaryIDF() throws {
        var hashing = Fixture.smallHashing
        hashing.binaryTF = true
        hashing.imputeEmptyGroups = false
        let model = Fixture.model(hashing: hashing)
        #expect(model.encoded()[8] == 4)
        let read = try LearnedModel.decode(model.encoded(), path: "m")
        #expect(read.header.hashing.binaryTF && read.header.hashing.idf)
        #expect(read.extractor.bucketWeights == model.extractor.bucketWeights)
        #expect(read.probability(for: Fixture.postings[0].subject) == model.probability(for: Fixture.postings[0].subject))
    }

    @Test("a file whose version cannot hold its feature parameters is refused as corrupt", arguments: [
        (2, true, false), (4, false, false), (4, true, true), (2, false, true), (5, false, false),
    ])
    func versionMismatch(version: Int, nb: Bool, impute: Bool) {
        var hashing = nb ? Fixture.smallHashing.nbSVM() : Fixture.smallHashing
        hashing.imputeEmptyGroups = impute
        let source = Fixture.model(hashing: hashing)
        var header = source.header
        header.formatVersion = version
        let bytes = ModelFileCodec.encode(header: header, weights: source.model.weights, bucketWeights: source.extractor.bucketWeights)
        let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m.rdmodel") }
        guard case .corrupt(let detail) = error?.reason else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("format version \(version) cannot hold"))
        #expect(error?.description.hasPrefix("m.rdmodel: corrupt model file") == true)
    }

    @Test("parameters asking for IDF and the NB ratio at once, or a non-positive α, are refused as incompatible")
    func conflictingWeights() {
        let source = Fixture.model(hashing: Fixture.smallHashing.nbSVM())
        for change in [{ (h: inout HashingParameters) in h.idf = true }, { $0.nbAlpha = 0 }] {
            var header = source.header
            change(&header.hashing)
            let bytes = ModelFileCodec.encode(header: header, weights: source.model.weights, bucketWeights: source.extractor.bucketWeights)
            let error = #expect(throws: ModelFileError.self) { try LearnedModel.decode(bytes, path: "m") }
            guard case .incompatible = error?.reason else {
                Issue.record("expected incompatible, got \(String(describing: error))")
                continue
            }
        }
    }
}
