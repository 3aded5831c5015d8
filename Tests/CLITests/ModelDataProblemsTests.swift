import Foundation
import Testing

@Suite("rightsdesk model train/eval: bad data and --out")
struct ModelDataProblemsTests {
    static let map = ModelWeightingTests.map

    /// The fixture's lines, with some replaced.
    func data(_ cli: CLIRunner, name: String, replacing: [Int: String]) throws -> String {
        var lines = try String(contentsOfFile: ModelWeightingTests.fixture.path, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        for (index, line) in replacing { lines[index] = line }
        let path = cli.directory.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func train(_ cli: CLIRunner, data: String, label: String = "fraudulent", out: String) throws -> CLIRunner.Result {
        try cli.run(["model", "train", "--data", data, "--label", label, "--map", Self.map,
                     "--fields", ModelWeightingTests.fields, "--bits", "16", "--out", out])
    }

    @Test("malformed records and unreadable labels are named by line on stderr; labels with spaces read")
    func namedPlaces() throws {
        let cli = try CLIRunner()
        let path = try data(cli, name: "bad.jsonl", replacing: [
            2: #"{"job_id":"x","jobDescription":"日结"#,
            4: #"{"job_id":"y","jobDescription":"仓库理货员，包吃住","fraudulent":2}"#,
            6: #"{"job_id":"z","jobDescription":"仓库理货员，包吃住","fraudulent":"maybe"}"#,
        ])
        let spaced = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: #""fraudulent": 1"#, with: #""fraudulent": " 1 ""#)
            .replacingOccurrences(of: #""fraudulent":1"#, with: #""fraudulent":" 1 ""#)
        try spaced.write(toFile: path, atomically: true, encoding: .utf8)
        let out = cli.directory.appendingPathComponent("m.rdmodel").path
        let result = try train(cli, data: path, out: out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("bad.jsonl: line 3: malformed JSON"))
        #expect(result.stderr.contains("bad.jsonl: line 5: label field 'fraudulent' is not 1/1.0/true/yes or 0/0.0/false/no; skipped"))
        #expect(result.stderr.contains("bad.jsonl: line 7: label field 'fraudulent' is not"))
        #expect(result.stderr.contains("skipped 1 malformed records, 2 with an unreadable label"))
        #expect(!result.stderr.contains("maybe"), "label values are not echoed")
        // The fixture's 20 fraudulent postings read with " 1 " as their label, less those replaced above.
        let fraudulent = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("trained on") })
        #expect(fraudulent.contains("trained on 37 labelled postings"), "\(fraudulent)")
        #expect(!fraudulent.contains("(0 fraudulent)"))

        let eval = try cli.run(["model", "eval", "--data", path, "--label", "fraudulent", "--map", Self.map,
                                "--model", out, "--json"])
        #expect(eval.status == 0, "\(eval.stderr)")
        #expect(eval.stdout.contains(#""malformed" : 1"#))
        #expect(eval.stdout.contains(#""unreadableLabels" : 2"#))
        #expect(eval.stderr.contains("bad.jsonl: line 3: malformed JSON"))
    }

    @Test("a misspelt label field is a clear error for train and eval (exit 2), not all-zero figures")
    func missingLabel() throws {
        let cli = try CLIRunner()
        let (trained, model) = try ModelWeightingTests().train(cli, [])
        try #require(trained.status == 0, "\(trained.stderr)")
        let fixture = ModelWeightingTests.fixture.path
        let eval = try cli.run(["model", "eval", "--data", fixture, "--label", "fraud", "--map", Self.map, "--model", model])
        #expect(eval.status == 2)
        #expect(eval.stdout.isEmpty)
        #expect(eval.stderr.contains("no labelled postings under the label field 'fraud' (40 records have no 'fraud' field or an empty one)"))
        let out = cli.directory.appendingPathComponent("n.rdmodel").path
        let train = try train(cli, data: fixture, label: "fraud", out: out)
        #expect(train.status == 2)
        #expect(train.stderr.contains("no labelled postings under the label field 'fraud'"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("training data can come from standard input (--data -), with the same model as from the file")
    func standardInput() throws {
        let cli = try CLIRunner()
        let fixture = ModelWeightingTests.fixture.path
        let fromFile = cli.directory.appendingPathComponent("file.rdmodel").path
        let fromStdin = cli.directory.appendingPathComponent("stdin.rdmodel").path
        #expect(try train(cli, data: fixture, out: fromFile).status == 0)
        let piped = try cli.run(["model", "train", "--data", "-", "--label", "fraudulent", "--map", Self.map,
                                 "--fields", ModelWeightingTests.fields, "--bits", "16", "--out", fromStdin],
                                stdin: try Data(contentsOf: URL(fileURLWithPath: fixture)))
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("trained on 40 labelled postings"))
        // Same data hash and weights; only the training date in the header may differ.
        let a = try String(decoding: Data(contentsOf: URL(fileURLWithPath: fromFile)), as: UTF8.self)
        let b = try String(decoding: Data(contentsOf: URL(fileURLWithPath: fromStdin)), as: UTF8.self)
        let hash = try #require(a.range(of: #""dataSHA256":"[0-9a-f]+""#, options: .regularExpression).map { String(a[$0]) })
        #expect(b.contains(hash))
        let broken = try cli.run(["model", "eval", "--data", "-", "--label", "fraudulent", "--map", Self.map,
                                  "--model", fromFile], stdin: Data("{\"job_id\":\"x\",\n".utf8))
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("stdin: line 1: malformed JSON"), "\(broken.stderr)")
    }

    @Test("more folds than labelled postings is refused (exit 2) by train and eval")
    func tooManyFolds() throws {
        let cli = try CLIRunner()
        let fixture = ModelWeightingTests.fixture.path
        let out = cli.directory.appendingPathComponent("f.rdmodel").path
        let train = try cli.run(["model", "train", "--data", fixture, "--label", "fraudulent", "--map", Self.map,
                                 "--folds", "41", "--out", out])
        #expect(train.status == 2)
        #expect(train.stderr.contains("--folds 41 is more than the 40 labelled postings"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let eval = try cli.run(["model", "eval", "--data", fixture, "--label", "fraudulent", "--map", Self.map,
                                "--cross-validate", "1000"])
        #expect(eval.status == 2)
        #expect(eval.stderr.contains("--cross-validate 1000 is more than the 40 labelled postings"))
    }

    @Test("--out is refused before training when it is the data, a folder, a FIFO or in a missing folder")
    func unsafeOut() throws {
        let cli = try CLIRunner()
        let copy = try data(cli, name: "copy.jsonl", replacing: [:])
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let folder = cli.directory.appendingPathComponent("folder").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fifo = cli.directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let cases: [(String, String)] = [
            (copy, "is the training data"), (folder, "is not a regular file"), (fifo, "is not a regular file"),
            (cli.directory.appendingPathComponent("none/m.rdmodel").path, "no such folder"),
        ]
        for (out, message) in cases {
            let result = try train(cli, data: copy, out: out)
            #expect(result.status == 2, "\(out)")
            #expect(result.stderr.contains(message), "\(out): \(result.stderr)")
            #expect(!result.stdout.contains("trained on"), "refused before training")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue)
        let attributes = try FileManager.default.attributesOfItem(atPath: fifo)
        #expect(attributes[.type] as? FileAttributeType != .typeRegular)
    }
}

@Suite("rightsdesk scan --model against a configuration that turns the model off")
struct ScanModelOverrideTests {
    @Test("an explicit --model is used, with a note, whichever switch turns the model off; without it the model stays off",
          arguments: ["rules: {disabledModules: [learned]}", "model: {enabled: false}"])
    func override(switchOff: String) throws {
        let cli = try CLIRunner()
        let (trained, model) = try ModelWeightingTests().train(cli, [])
        try #require(trained.status == 0, "\(trained.stderr)")
        let rulesDirectory = CLIRunner.repositoryRoot.appendingPathComponent("rules").path
        let config = cli.directory.appendingPathComponent("off.yaml")
        try "\(switchOff)\n".write(to: config, atomically: true, encoding: .utf8)
        let fixture = ModelWeightingTests.fixture.path
        let explicit = try cli.run(["scan", fixture, "--map", ModelWeightingTests.map, "--config", config.path,
                                    "--rules", rulesDirectory, "--model", model, "--json"])
        #expect(explicit.status == 0 || explicit.status == 1, "\(explicit.stderr)")
        #expect(explicit.stdout.contains("learned.score"))
        #expect(explicit.stderr.contains("the configuration turns the learned model off; --model \(model) overrides it"))

        let configured = cli.directory.appendingPathComponent("configured.yaml")
        try "model: {path: \(model)\(switchOff.hasPrefix("model") ? ", enabled: false" : "")}\n\(switchOff.hasPrefix("rules") ? switchOff : "")\n"
            .write(to: configured, atomically: true, encoding: .utf8)
        let implicit = try cli.run(["scan", fixture, "--map", ModelWeightingTests.map, "--config", configured.path,
                                    "--rules", rulesDirectory, "--json"])
        #expect(implicit.status == 0 || implicit.status == 1, "\(implicit.stderr)")
        #expect(!implicit.stdout.contains("learned.score"))
        #expect(!implicit.stderr.contains("overrides"))
    }
}

@Suite("rightsdesk scan with a broken configuration")
struct ScanBrokenConfigTests {
    @Test("a bad value, an unknown key or a missing file is exit 2 (bad input), one line naming the place",
          arguments: ["model: {enabled: maybe}\n", "model: {pth: m.rdmodel}\n", nil])
    func brokenConfig(text: String?) throws {
        let cli = try CLIRunner()
        let config = cli.directory.appendingPathComponent("broken.yaml")
        if let text { try text.write(to: config, atomically: true, encoding: .utf8) }
        let result = try cli.run(["scan", ModelWeightingTests.fixture.path, "--config", config.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("rightsdesk: \(config.path)"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
