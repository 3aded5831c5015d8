import Foundation
import HummingbirdTesting
import LearnedScore
import NIOCore
import RuleKit
import Testing
@testable import RightsDeskServer

@Suite("API scans use the learned model rightsdesk.yaml names")
struct ScanModelTests {
    static let posting = #"{"postings":[{"id":"m","title":"急招打字员日结","description":"在家兼职打字，一部手机就能做，日赚三百，加微信领任务。"}]}"#
    /// Only the company introduction holds text: a model reading it scores the posting, one that does not abstains.
    static let introOnly = #"{"postings":[{"id":"i","companyIntro":"本工作室专业招聘在家兼职打字员，日结工资，一部手机即可，名额有限。"}]}"#

    /// A model trained on the learned scorer's own fixture, with bands that give every scored posting 4 points.
    static func writeModel(to path: String) throws {
        let fixture = ServerHarness.repoRoot.appendingPathComponent("Tests/LearnedScoreTests/Fixtures/postings.jsonl")
        let postings = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").compactMap { line -> LabelledPosting? in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            let fields = [("title", "jobTitle"), ("description", "jobDescription")].map {
                SubjectField(name: $0.0, text: object[$0.1] as? String ?? "")
            }
            return LabelledPosting(subject: Subject(kind: .jobPosting, id: "f", fields: fields),
                                   label: (object["fraudulent"] as? Int) == 1)
        }
        let trainer = ModelTrainer(hashing: HashingParameters(bits: 12, fieldGroups: ["title": "t+d", "description": "t+d", "companyIntro": "intro"]),
                                   options: TrainingOptions(epochs: 5, seed: 1), folds: 2)
        let trained = trainer.train(postings, dataSHA256: "fixture", trainedAt: "2026-01-01")
        var header = trained.header
        header.bands = ScoreBands(suspicious: 0, likelyFraud: ScoreBands.off)
        try LearnedModel(header: header, weights: trained.model.weights, bucketWeights: trained.extractor.bucketWeights)
            .write(to: path)
    }

    static func findings(_ client: any TestClientProtocol, _ h: ServerHarness, body: String = posting) async throws -> [[String: Any]] {
        let r = try await client.execute(uri: "/api/v1/scan", method: .post, headers: h.headers(.operator),
                                         body: ByteBuffer(text: body))
        #expect(r.status == .ok)
        return ((r.json["results"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
    }

    @Test("a configured model adds its finding; a refused file leaves the rules alone at start and fails a reload")
    func configuredModel() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rd-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let model = folder.appendingPathComponent("site.rdmodel").path
        try Self.writeModel(to: model)
        let config = folder.appendingPathComponent("rightsdesk.yaml")
        try "model: {path: site.rdmodel}\n".write(to: config, atomically: true, encoding: .utf8)

        let h = try ServerHarness(configPath: config.path)
        try await h.test { client in
            let learned = try await Self.findings(client, h).first { $0["rule"] as? String == "learned.score" }
            #expect(learned?["score"] as? Int == 4)
            // The API reads companyIntro (and subtitle, welfare, requirements) as the CLI does.
            let intro = try await Self.findings(client, h, body: Self.introOnly).first { $0["rule"] as? String == "learned.score" }
            #expect(intro?["score"] as? Int == 4, "\(String(describing: intro))")

            // A broken model file: the reload is refused and the running modules (with the model) stay.
            try Data("not a model".utf8).write(to: URL(fileURLWithPath: model))
            let r = try await client.execute(uri: "/api/v1/admin/reload", method: .post, headers: h.headers(.admin),
                                             body: ByteBuffer(text: "{}"))
            #expect(r.json["swapped"] as? Bool == false)
            #expect(((r.json["problems"] as? [String]) ?? []).contains { $0.contains("site.rdmodel") })
            let kept = try await Self.findings(client, h)
            #expect(kept.contains { $0["rule"] as? String == "learned.score" })
        }

        // Starting with the broken file: the server runs on the rules alone.
        let broken = try ServerHarness(configPath: config.path)
        try await broken.test { client in
            let findings = try await Self.findings(client, broken)
            #expect(!findings.contains { $0["rule"] as? String == "learned.score" })
        }
    }
}
