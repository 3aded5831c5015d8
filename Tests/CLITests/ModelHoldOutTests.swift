import Foundation
import Testing

@Suite("rightsdesk model eval --hold-out-by")
struct ModelHoldOutTests {
    static let map = ModelWeightingTests.map

    /// The fixture's postings with a `city` field: "north" and "south" alternately, or what `city` returns.
    func data(_ cli: CLIRunner, name: String, city: (Int) -> String?) throws -> String {
        let lines = try String(contentsOfFile: ModelWeightingTests.fixture.path, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let withCity = try lines.enumerated().map { index, line in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            object["city"] = city(index)
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        let path = cli.directory.appendingPathComponent(name).path
        try (withCity.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func eval(_ cli: CLIRunner, _ path: String, _ extra: [String]) throws -> CLIRunner.Result {
        try cli.run(["model", "eval", "--data", path, "--label", "fraudulent", "--map", Self.map,
                     "--fields", ModelWeightingTests.fields, "--bits", "16", "--folds", "3"] + extra)
    }

    @Test("each city is judged by a model trained on the others; text and JSON name every value and pool them")
    func bySource() throws {
        let cli = try CLIRunner()
        // Postings 0 and 1 have no city: they form a value of their own, shown as "(empty)".
        let path = try data(cli, name: "cities.jsonl") { $0 < 2 ? nil : ($0 % 2 == 0 ? "north" : "south") }
        let text = try eval(cli, path, ["--hold-out-by", "city"])
        #expect(text.status == 0, "\(text.stderr)")
        for header in ["== city = (empty)", "== city = north", "== city = south", "== all held-out postings pooled"] {
            #expect(text.stdout.contains(header), "\(header)")
        }
        #expect(text.stdout.contains("method: held out: north"))
        #expect(text.stdout.contains("method: held out by source, 3 of 3 sources judged"))
        #expect(text.stdout.contains("method: held out: south (bands on folds grouped by description+company)"))

        let json = try eval(cli, path, ["--hold-out-by", "city", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["field"] as? String == "city")
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["value"] as? String } == ["", "north", "south"])
        let labelled = sources.compactMap { ($0["report"] as? [String: Any])?["labelled"] as? Int }
        #expect(labelled == [2, 19, 19])
        let pooled = try #require(object["pooled"] as? [String: Any])
        #expect(pooled["labelled"] as? Int == 40)
        #expect(pooled["positives"] as? Int == 20)
    }

    @Test("model train's summary says its held-out figures are for the training data's sources and names --hold-out-by")
    func trainSaysSources() throws {
        let cli = try CLIRunner()
        let (trained, _) = try ModelWeightingTests().train(cli, [])
        #expect(trained.status == 0, "\(trained.stderr)")
        let lines = trained.stdout.split(separator: "\n").map(String.init)
        let note = lines.dropLast().last ?? ""  // the line before "wrote FILE"
        #expect(note.hasPrefix("note: these figures are for postings from the sources in the training data"), "\(lines)")
        #expect(note.contains("model eval --hold-out-by FIELD"))
    }

    @Test("model train --band-folds: description+company by default, description on request, anything else exit 2")
    func bandFolds() throws {
        let cli = try CLIRunner()
        let (byDefault, _) = try ModelWeightingTests().train(cli, [])
        #expect(byDefault.status == 0, "\(byDefault.stderr)")
        #expect(byDefault.stdout.contains("held out (5 folds grouped by description+company, rules + model)"))
        let (byText, _) = try ModelWeightingTests().train(cli, ["--band-folds", "description"])
        #expect(byText.status == 0, "\(byText.stderr)")
        #expect(byText.stdout.contains("held out (5 folds grouped by description, rules + model)"))
        let (wrong, _) = try ModelWeightingTests().train(cli, ["--band-folds", "company"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--band-folds must be description+company or description"))
    }

    @Test("a value whose postings are the only fraudulent ones is named on stderr as not judged")
    func notJudged() throws {
        let cli = try CLIRunner()
        // The fixture's first 20 postings are its fraudulent ones.
        let path = try data(cli, name: "skewed.jsonl") { $0 < 20 ? "east" : ($0 % 2 == 0 ? "north" : "south") }
        let result = try eval(cli, path, ["--hold-out-by", "city"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("city = east not judged: the other values hold only fraudulent or only honest postings"))
        #expect(!result.stdout.contains("== city = east"))
        #expect(result.stdout.contains("== city = north"))
    }

    @Test("one value only, a field no posting has, too many values or none judgeable is refused with exit 2; so is --hold-out-by beside --model or --cross-validate")
    func refused() throws {
        let cli = try CLIRunner()
        let one = try data(cli, name: "one.jsonl") { _ in "north" }
        let single = try eval(cli, one, ["--hold-out-by", "city"])
        #expect(single.status == 2)
        #expect(single.stderr.contains("--hold-out-by city needs at least two values among the labelled postings; every labelled posting has 'north'"))
        let missing = try eval(cli, one, ["--hold-out-by", "platform"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no posting has it"))
        let both = try eval(cli, one, ["--hold-out-by", "city", "--cross-validate", "3"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("give one of --model MODEL, --cross-validate K or --hold-out-by FIELD"))
        let withModel = try eval(cli, one, ["--hold-out-by", "city", "--model", "m.rdmodel"])
        #expect(withModel.status == 2)
        #expect(withModel.stderr.contains("give one of --model MODEL, --cross-validate K or --hold-out-by FIELD"))
        // Every posting its own value: 40 trainings, more than --max-values allows.
        let many = try eval(cli, one, ["--hold-out-by", "job_id", "--max-values", "10"])
        #expect(many.status == 2)
        #expect(many.stderr.contains("--hold-out-by job_id has 40 values among the labelled postings"))
        // Held out by the label itself, every training set holds one class only: nothing can be judged.
        let byLabel = try eval(cli, one, ["--hold-out-by", "fraudulent"])
        #expect(byLabel.status == 2)
        #expect(byLabel.stderr.contains("--hold-out-by fraudulent: no value could be judged"))
        #expect(byLabel.stdout.isEmpty)
        let folds = try eval(cli, one, ["--hold-out-by", "city", "--folds", "100"])
        #expect(folds.status == 2)
        #expect(folds.stderr.contains("--folds 100 is more than the 40 labelled postings"))
    }
}
