import Foundation

/// Runs the built `rightsdesk` executable as a user would, in a fresh temporary directory.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let directory: URL
    var environment: [String: String]

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The `rightsdesk` binary next to the test bundle (swift test builds it with the tests).
    static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            repositoryRoot.appendingPathComponent(".build/debug"),
        ]
        return candidates.map { $0.appendingPathComponent("rightsdesk") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    init(now: String = "2026-03-02T01:00:00Z") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rightsdesk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        environment = [
            "RIGHTSDESK_DB": directory.appendingPathComponent("test.sqlite").path,
            "RIGHTSDESK_RULES": CLIRunner.repositoryRoot.appendingPathComponent("rules").path,
            "RIGHTSDESK_ACTOR": "tester",
            "RIGHTSDESK_NOW": now,
            "PATH": "/usr/bin:/bin",
        ]
    }

    func run(_ arguments: [String], stdin: Data = Data()) throws -> Result {
        guard let executable = CLIRunner.executable else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "rightsdesk binary not built"])
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs and parses stdout as one JSON object.
    func json(_ arguments: [String], stdin: Data = Data()) throws -> [String: Any] {
        let result = try run(arguments, stdin: stdin)
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt, userInfo: [NSLocalizedDescriptionKey: "status \(result.status): \(result.stderr)"])
        }
        return object
    }
}
