import Foundation
import Testing

@Suite("rightsdesk modules")
struct ModulesCommandTests {
    /// python3 as an absolute path (the runner's PATH is minimal).
    static var python: String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/python3"
    }

    /// A runner whose directory holds a rightsdesk.yaml declaring the Python example (and `extra` modules).
    static func site(extra: String = "") throws -> CLIRunner {
        let runner = try CLIRunner()
        let module = CLIRunner.repositoryRoot.appendingPathComponent("Plugins/Examples/python-registry-check/module.py").path
        let rules = CLIRunner.repositoryRoot.appendingPathComponent("rules").path
        let yaml = """
            rules: {directory: \(rules)}
            modules:
              - id: registry_check
                command: \(python)
                args: [\(module)]
            \(extra)
            """
        try yaml.write(to: runner.directory.appendingPathComponent("rightsdesk.yaml"), atomically: true, encoding: .utf8)
        return runner
    }

    @Test("list shows built-in and external modules alike")
    func list() throws {
        let result = try Self.site().run(["modules", "list"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("built-in  fake_job"))
        #expect(result.stdout.contains("external  registry_check"))
    }

    @Test("test runs the external module's examples through the host")
    func test() throws {
        let result = try Self.site().run(["modules", "test", "registry_check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ok    registry_check (external): 1 rules, all examples hold"))
    }

    @Test("health handshakes and pings every external module")
    func health() throws {
        let result = try Self.site().run(["modules", "health", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]]
        let external = reports?.first { $0["id"] == "registry_check" }
        #expect(external?["status"] == "ok")
        #expect(external?["breaker"] == "closed")
    }

    @Test("reload refuses a module that does not start, with its reason, and exits 1")
    func reloadRefuses() throws {
        let broken = "  - id: broken\n    command: /bin/sh\n    args: [-c, 'exit 4']\n"
        let result = try Self.site(extra: broken).run(["modules", "reload"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("module broken failed: exited with status 4 before its handshake"))
    }

    @Test("reload of good files reports what would be active")
    func reloadAccepts() throws {
        let result = try Self.site().run(["modules", "reload"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("ok: 3 module(s)"))  // fake_job, black_intermediary, the external one
    }

    @Test("modules reload --server needs a token (exit 2) and says when the server cannot be reached (exit 1)")
    func reloadAgainstServer() throws {
        let cli = try CLIRunner()
        let noToken = try cli.run(["modules", "reload", "--server", "http://127.0.0.1:9"])
        #expect(noToken.status == 2)
        #expect(noToken.stderr.contains("token"))
        let unreachable = try cli.run(["modules", "reload", "--server", "http://127.0.0.1:9", "--token", "t"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("cannot reach http://127.0.0.1:9"))
    }
}

@Suite("rightsdesk modules and the configured learned model")
struct ModulesModelTests {
    @Test("list shows the configured model as a module; health fails (exit 1) on a refused model file, names it")
    func configuredModel() throws {
        let cli = try CLIRunner()
        let (trained, model) = try ModelWeightingTests().train(cli, [])
        try #require(trained.status == 0, "\(trained.stderr)")
        let rules = CLIRunner.repositoryRoot.appendingPathComponent("rules").path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: model))
        let broken = cli.directory.appendingPathComponent("broken.rdmodel")
        try bytes.prefix(200).write(to: broken)
        func config(_ name: String, _ path: String) throws -> String {
            let file = cli.directory.appendingPathComponent(name)
            try "rules: {directory: \(rules)}\nmodel: {path: \(path)}\n".write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }
        let good = try config("good.yaml", model), bad = try config("bad.yaml", broken.path)

        let list = try cli.run(["modules", "list", "--config", good])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("on   model     learned"), "\(list.stdout)")
        let health = try cli.run(["modules", "health", "--config", good])
        #expect(health.status == 0, "\(health.stdout)")
        #expect(health.stdout.contains("ok  learned (model,"))

        let badHealth = try cli.run(["modules", "health", "--config", bad])
        #expect(badHealth.status == 1)
        #expect(badHealth.stdout.contains("failed  learned (model, ?)"))
        #expect(badHealth.stdout.contains("truncated model file"))
        let badList = try cli.run(["modules", "list", "--config", bad, "--json"])
        #expect(badList.status == 0)
        #expect(badList.stdout.contains(#""enabled" : "false""#) && badList.stdout.contains(#""kind" : "model""#))
        #expect(badList.stderr.contains("learned model not used by scans"))

        // The local reload check rebuilds as the server does, model included.
        #expect(try cli.run(["modules", "reload", "--config", good]).status == 0)
        let badReload = try cli.run(["modules", "reload", "--config", bad])
        #expect(badReload.status == 1)
        #expect(badReload.stdout.contains("truncated model file"))

        // Without a model in the configuration, nothing about one is shown.
        let plain = cli.directory.appendingPathComponent("plain.yaml")
        try "rules: {directory: \(rules)}\n".write(to: plain, atomically: true, encoding: .utf8)
        #expect(try !cli.run(["modules", "list", "--config", plain.path]).stdout.contains("learned"))
    }
}
