import Foundation
import Testing

@Suite("rightsdesk scan --model: fields the model reads")
struct ScanModelFieldsTests {
    static let fixture = CLIRunner.repositoryRoot.appendingPathComponent("Tests/LearnedScoreTests/Fixtures/postings.jsonl")
    static let map = "id=job_id,title=jobTitle,description=jobDescription,company=companyName,salary=jobSalary"

    /// A model trained on the project's 40 fixture postings (title, description, company and salary only).
    func trainedModel(_ cli: CLIRunner, extra: [String] = []) throws -> String {
        let model = cli.directory.appendingPathComponent("fixture.model").path
        let trained = try cli.run(["model", "train", "--data", Self.fixture.path, "--label", "fraudulent",
                                   "--map", Self.map, "--seed", "1", "--out", model] + extra)
        try #require(trained.status == 0, "\(trained.stderr)")
        return model
    }

    @Test("warns, and says so again after the summary, when the input leaves fields the model reads empty")
    func warnsAboutMissingFields() throws {
        let cli = try CLIRunner()
        let model = try trainedModel(cli)
        let scan = try cli.run(["scan", Self.fixture.path, "--map", Self.map, "--model", model, "--json"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let warnings = scan.stderr.split(separator: "\n").filter { $0.contains("reads fields that the input") }
        #expect(warnings.count == 2)
        for name in ["companyIntro", "requirements", "subtitle", "welfare"] {
            #expect(warnings.first?.contains(name) == true, "\(name) missing from: \(scan.stderr)")
        }
        #expect(warnings.first?.contains("description") == false)
        #expect(warnings.first?.contains("counts them as a training posting's average") == true)
        #expect(scan.stdout.split(separator: "\n").count == 40)
    }

    @Test("for a model that does not impute empty fields, the warning says they can raise its probability")
    func warnsOlderModels() throws {
        let cli = try CLIRunner()
        let model = try trainedModel(cli, extra: ["--empty-fields", "nothing"])
        let scan = try cli.run(["scan", Self.fixture.path, "--map", Self.map, "--model", model, "--json"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let warning = scan.stderr.split(separator: "\n").first { $0.contains("reads fields that the input") }
        #expect(warning?.contains("can raise its probability (retrain to impute them") == true, "\(scan.stderr)")
    }

    @Test("says nothing when every field the model reads has text in the input")
    func silentWhenFieldsPresent() throws {
        let cli = try CLIRunner()
        let model = try trainedModel(cli)
        let line = #"{"id":"a1","title":"普工","description":"日结工资，包吃住","company":"某某电子厂","salary":"5000元","#
            + #""subtitle":"长期","welfare":"五险一金","requirements":"18-45岁","companyIntro":"电子厂"}"#
        let input = cli.directory.appendingPathComponent("full.jsonl")
        try Data((line + "\n").utf8).write(to: input)
        let scan = try cli.run(["scan", input.path, "--model", model, "--json"])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(!scan.stderr.contains("reads fields that the input"), "\(scan.stderr)")
    }
}
