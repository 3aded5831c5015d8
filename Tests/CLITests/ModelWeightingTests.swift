import Foundation
import Testing

@Suite("rightsdesk model train --weighting")
struct ModelWeightingTests {
    static let fixture = CLIRunner.repositoryRoot.appendingPathComponent("Tests/LearnedScoreTests/Fixtures/postings.jsonl")
    static let map = "id=job_id,title=jobTitle,description=jobDescription,company=companyName,salary=jobSalary"
    static let fields = "title+description,company,salary"

    func train(_ cli: CLIRunner, _ extra: [String]) throws -> (CLIRunner.Result, String) {
        let model = cli.directory.appendingPathComponent("m.rdmodel").path
        let result = try cli.run(["model", "train", "--data", Self.fixture.path, "--label", "fraudulent", "--map", Self.map,
                                  "--fields", Self.fields, "--bits", "16", "--seed", "1", "--out", model] + extra)
        return (result, model)
    }

    @Test("--weighting nb writes a format-version-4 model that scan loads; the default stays version 2")
    func nbModel() throws {
        let cli = try CLIRunner()
        for (extra, version) in [([String](), UInt8(2)), (["--weighting", "nb", "--nb-alpha", "0.5"], UInt8(4))] {
            let (trained, model) = try train(cli, extra)
            try #require(trained.status == 0, "\(trained.stderr)")
            #expect(trained.stdout.contains("model format version \(version)"))
            #expect(trained.stdout.contains(version == 4 ? "binary TF × NB log-count ratio (α 0.5)" : "sublinear TF × IDF"))
            let bytes = try #require(FileManager.default.contents(atPath: model))
            #expect(bytes.count > 16 && bytes[8] == version)
            let scan = try cli.run(["scan", Self.fixture.path, "--map", Self.map, "--model", model, "--json"])
            #expect(scan.status == 0, "\(scan.stderr)")
            #expect(!scan.stderr.contains("rules only"), "\(scan.stderr)")
            #expect(scan.stdout.contains("learned.score"))
        }
    }

    @Test("an unknown weighting or a non-positive α is a usage error", arguments: [
        ["--weighting", "tfidf"], ["--weighting", "nb", "--nb-alpha", "0"],
    ])
    func badOptions(extra: [String]) throws {
        let cli = try CLIRunner()
        let (result, model) = try train(cli, extra)
        #expect(result.status != 0)
        #expect(result.stderr.contains(extra.count == 2 ? "--weighting" : "--nb-alpha"))
        #expect(!FileManager.default.fileExists(atPath: model))
    }
}
