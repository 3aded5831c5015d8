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
        // The fixture fills none of these fields, so the model has no margin for them: it reads them as empty.
        #expect(warnings.first?.contains("the model reads them as empty, as its training data often left them") == true)
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

    @Test("names the field groups it imputes when the input lacks fields every training posting filled")
    func namesImputedGroups() throws {
        let cli = try CLIRunner()
        let model = try trainedModel(cli)
        // The same postings without salary and without the company name: both groups were always filled in training.
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let stripped = text.split(separator: "\n").map { line -> String in
            var object = (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:]
            object["jobSalary"] = nil
            object["companyName"] = nil
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }.joined(separator: "\n") + "\n"
        let input = cli.directory.appendingPathComponent("partial.jsonl")
        try Data(stripped.utf8).write(to: input)
        let scan = try cli.run(["scan", input.path, "--map", Self.map, "--model", model, "--json"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let warning = scan.stderr.split(separator: "\n").first { $0.contains("reads fields that the input") }
        #expect(warning?.contains("the model imputes the empty field groups company, salary (ADR 0029) and reads "
            + "companyIntro, requirements, subtitle, welfare as empty") == true, "\(scan.stderr)")
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
