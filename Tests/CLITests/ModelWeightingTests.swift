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

    @Test("the format version follows the options: 5 with imputed empty fields (the default), else 4 for NB, else 2; scan loads each")
    func nbModel() throws {
        let cli = try CLIRunner()
        let nb = ["--weighting", "nb", "--nb-alpha", "0.5"], nothing = ["--empty-fields", "nothing"]
        for (extra, version) in [([String](), UInt8(5)), (nothing, 2), (nb, 5), (nb + nothing, 4)] {
            let (trained, model) = try train(cli, extra)
            try #require(trained.status == 0, "\(trained.stderr)")
            #expect(trained.stdout.contains("model format version \(version)"))
            #expect(trained.stdout.contains(extra.contains("nb") ? "binary TF × NB log-count ratio (α 0.5)" : "sublinear TF × IDF"))
            #expect(trained.stdout.contains("empty field groups imputed") == !extra.contains("nothing"))
            let bytes = try #require(FileManager.default.contents(atPath: model))
            #expect(bytes.count > 16 && bytes[8] == version)
            let scan = try cli.run(["scan", Self.fixture.path, "--map", Self.map, "--model", model, "--json"])
            #expect(scan.status == 0, "\(scan.stderr)")
            #expect(!scan.stderr.contains("rules only"), "\(scan.stderr)")
            #expect(scan.stdout.contains("learned.score"))
        }
    }

    @Test("an unknown weighting, a non-positive α or an unknown --empty-fields is a usage error", arguments: [
        (["--weighting", "tfidf"], "--weighting"), (["--weighting", "nb", "--nb-alpha", "0"], "--nb-alpha"),
        (["--empty-fields", "zero"], "--empty-fields"),
    ])
    func badOptions(extra: [String], named: String) throws {
        let cli = try CLIRunner()
        let (result, model) = try train(cli, extra)
        #expect(result.status == 2)
        #expect(result.stderr.contains(named))
        #expect(!FileManager.default.fileExists(atPath: model))
    }
}
