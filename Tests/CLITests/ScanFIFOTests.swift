import Foundation
import Testing

@Suite("rightsdesk scan from a FIFO")
struct ScanFIFOTests {
    @Test("every posting written to a FIFO is scanned (nothing is read ahead and lost)")
    func scansEveryPosting() throws {
        let cli = try CLIRunner()
        guard let executable = CLIRunner.executable else { throw CocoaError(.fileNoSuchFile) }
        let input = cli.directory.appendingPathComponent("postings.jsonl")
        let postings = (1...5).map { #"{"id":"p\#($0)","title":"普工","description":"日结工资，入职前需交押金\#($0)00元"}"# }
        try Data((postings.joined(separator: "\n") + "\n").utf8).write(to: input)
        let fifo = cli.directory.appendingPathComponent("postings.fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)

        // The writer blocks until the scan opens the FIFO, writes once, and closes it.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat \"$0\" > \"$1\"", input.path, fifo.path]
        try writer.run()

        let scan = Process()
        scan.executableURL = executable
        scan.arguments = ["scan", fifo.path, "--json"]
        scan.environment = cli.environment
        scan.currentDirectoryURL = cli.directory
        let output = Pipe()
        scan.standardOutput = output
        scan.standardError = FileHandle.nullDevice
        try scan.run()
        // A scan that read the FIFO ahead would wait for a second writer forever: give up after 60 s.
        let deadline = Date().addingTimeInterval(60)
        while scan.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if scan.isRunning { scan.terminate() }
        if writer.isRunning { writer.terminate() }
        scan.waitUntilExit()
        writer.waitUntilExit()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n")
        #expect(scan.terminationReason == .exit)
        #expect(lines.count == 5)
        #expect(lines.first?.contains(#""id":"p1""#) == true)
    }
}
