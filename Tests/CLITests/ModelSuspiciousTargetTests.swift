import Foundation
import Testing

@Suite("rightsdesk model train --suspicious-fpr")
struct ModelSuspiciousTargetTests {
    static let fixture = ModelWeightingTests.fixture

    func train(_ cli: CLIRunner, _ extra: [String]) throws -> (CLIRunner.Result, String) {
        let model = cli.directory.appendingPathComponent("s.rdmodel").path
        let result = try cli.run(["model", "train", "--data", Self.fixture.path, "--label", "fraudulent",
                                  "--map", ModelWeightingTests.map, "--fields", ModelWeightingTests.fields,
                                  "--bits", "16", "--seed", "1", "--out", model] + extra)
        return (result, model)
    }

    @Test("the target is kept in the model and shown in the summary; without it the summary is as before")
    func target() throws {
        let cli = try CLIRunner()
        let (plain, _) = try train(cli, [])
        try #require(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("at suspicious or above"))
        let (capped, model) = try train(cli, ["--suspicious-fpr", "0.05"])
        try #require(capped.status == 0, "\(capped.stderr)")
        #expect(capped.stdout.contains("at most 1.0 % of honest postings at likelyFraud, at most 5.0 % at suspicious or above"))
        let bytes = try #require(FileManager.default.contents(atPath: model))
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""suspiciousFPR":0.05"#))
    }

    @Test("a suspicious target below the likelyFraud target, or outside 0…1, is a usage error", arguments: [
        ["--suspicious-fpr", "0.005"], ["--suspicious-fpr", "1.5"], ["--target-fpr", "0.02", "--suspicious-fpr", "0.01"],
    ])
    func badTarget(extra: [String]) throws {
        let cli = try CLIRunner()
        let (result, model) = try train(cli, extra)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--suspicious-fpr"))
        #expect(!FileManager.default.fileExists(atPath: model))
    }
}
