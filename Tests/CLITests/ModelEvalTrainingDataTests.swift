import Foundation
import Testing

@Suite("rightsdesk model eval on the data the model was trained on")
struct ModelEvalTrainingDataTests {
    func eval(_ cli: CLIRunner, data: String, model: String, json: Bool) throws -> CLIRunner.Result {
        try cli.run(["model", "eval", "--data", data, "--label", "fraudulent", "--map", ModelWeightingTests.map,
                     "--model", model] + (json ? ["--json"] : []))
    }

    @Test("the same file is named as training data in text, JSON and on standard error; other data is not")
    func warns() throws {
        let cli = try CLIRunner()
        let (trained, model) = try ModelWeightingTests().train(cli, [])
        try #require(trained.status == 0, "\(trained.stderr)")
        let fixture = ModelWeightingTests.fixture.path

        let text = try eval(cli, data: fixture, model: model, json: false)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("warning: this is the data the model was trained on"))
        let json = try eval(cli, data: fixture, model: model, json: true)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains(#""evaluatedOnTrainingData" : true"#))
        #expect(json.stderr.contains("warning: this is the data the model was trained on"))

        // The same postings less the last one: other bytes, so no warning (the check is by file, not by posting).
        let lines = try String(contentsOfFile: fixture, encoding: .utf8).split(separator: "\n")
        let other = cli.directory.appendingPathComponent("other.jsonl")
        try (lines.dropLast().joined(separator: "\n") + "\n").write(to: other, atomically: true, encoding: .utf8)
        let otherText = try eval(cli, data: other.path, model: model, json: false)
        #expect(otherText.status == 0, "\(otherText.stderr)")
        #expect(!otherText.stdout.contains("warning:"))
        let otherJSON = try eval(cli, data: other.path, model: model, json: true)
        #expect(otherJSON.stdout.contains(#""evaluatedOnTrainingData" : false"#))
        #expect(!otherJSON.stderr.contains("warning:"))
    }
}
