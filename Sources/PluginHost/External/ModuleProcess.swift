import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One running worker process of an external module, with line I/O bounded in time and size.
///
/// Reads and writes use non-blocking pipes and `poll(2)` with the call's deadline, so a module that stops reading
/// or stops answering can never block the caller past the deadline; a line longer than the limit is never buffered
/// whole. The module's stderr goes to `/dev/null` (it might echo subject text, which must not reach our logs).
///
/// `@unchecked Sendable` is safe: the host hands a worker to one caller at a time (it sits in the host's idle
/// list or is owned by exactly one in-flight call, both under the host's lock), so `pending` and the pipes are
/// never used by two threads at once; `Process` itself is thread-safe for `isRunning` and `processIdentifier`.
final class ModuleProcess: @unchecked Sendable {
    /// How a read ended.
    enum LineResult: Equatable {
        case line(Data)
        case timeout
        case closed
        case tooLong
    }

    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private var pending: [UInt8] = []
    private let limit: Int

    /// Starts the executable; throws when it cannot be started.
    init(spec: ExternalModuleSpec) throws(ExternalModuleError) {
        Self.ignoreSIGPIPE
        limit = spec.maxOutputBytes
        process = Process()
        guard let path = Self.resolve(spec.command) else {
            throw ExternalModuleError(module: spec.id, kind: .startFailed, reason: "command '\(spec.command)' not found")
        }
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = spec.args
        if let megabytes = spec.memoryLimitMB {
            guard let prlimit = Self.resolve("prlimit") else {
                throw ExternalModuleError(module: spec.id, kind: .startFailed, reason: "memoryLimitMB needs prlimit (util-linux) in PATH")
            }
            process.executableURL = URL(fileURLWithPath: prlimit)
            process.arguments = ["--as=\(megabytes * 1_048_576)", "--", path] + spec.args
        }
        process.environment = Self.environment(extra: spec.env)
        if let directory = spec.workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ExternalModuleError(module: spec.id, kind: .startFailed, reason: "cannot start '\(path)': \(error.localizedDescription)")
        }
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        _ = fcntl(input.fileDescriptor, F_SETFL, fcntl(input.fileDescriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(output.fileDescriptor, F_SETFL, fcntl(output.fileDescriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit { kill() }

    private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Whether the process is still running.
    var isRunning: Bool { process.isRunning }

    /// Writes one line; false when the deadline passed or the module closed its input.
    func write(_ data: Data, deadline: DispatchTime) -> Bool {
        let fd = input.fileDescriptor
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, base + offset, raw.count - offset)
                if written > 0 { offset += written; continue }
                if written < 0 && errno == EINTR { continue }
                guard written < 0 && errno == EAGAIN, wait(fd, events: Int16(POLLOUT), deadline: deadline) else { return false }
            }
            return true
        }
    }

    /// Reads the next line (without its newline) until the deadline.
    func readLine(deadline: DispatchTime) -> LineResult {
        let fd = output.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var scanned = 0
        while true {
            if let newline = pending[scanned...].firstIndex(of: 0x0A) {
                let line = Data(pending[..<newline])
                pending.removeSubrange(...newline)
                return line.count > limit ? .tooLong : .line(line)
            }
            scanned = pending.count
            if pending.count > limit { return .tooLong }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                pending.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                return .closed
            } else if errno == EINTR {
                continue
            } else if errno != EAGAIN {
                return .closed
            } else if !wait(fd, events: Int16(POLLIN), deadline: deadline) {
                return .timeout
            }
        }
    }

    /// Waits until `fd` is ready or the deadline passes; true when ready (or hung up, which the next read sees).
    private func wait(_ fd: Int32, events: Int16, deadline: DispatchTime) -> Bool {
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard deadline.uptimeNanoseconds > now else { return false }
            let milliseconds = Int32(clamping: (deadline.uptimeNanoseconds - now + 999_999) / 1_000_000)
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return true }
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { return false }
        }
    }

    /// How the process ended, after waiting up to `milliseconds` for it to exit; nil when still running.
    func exitDescription(waiting milliseconds: Int) -> String? {
        let deadline = DispatchTime.now() + .milliseconds(milliseconds)
        while process.isRunning && DispatchTime.now() < deadline { usleep(2_000) }
        guard !process.isRunning else { return nil }
        switch process.terminationReason {
        case .exit: return "exited with status \(process.terminationStatus)"
        case .uncaughtSignal: return "killed by signal \(process.terminationStatus)"
        @unknown default: return "ended"
        }
    }

    /// Asks the module to stop (`shutdown` line, input closed) and kills it if it is still running after `grace`.
    func shutdown(grace milliseconds: Int) {
        _ = write(ModuleProtocol.line(ModuleProtocol.SimpleRequest(type: "shutdown", id: "shutdown")),
                  deadline: .now() + .milliseconds(10))
        try? input.close()
        if exitDescription(waiting: milliseconds) == nil { kill() }
    }

    /// Kills the process at once (SIGKILL) and closes the pipes.
    func kill() {
        if process.isRunning { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
        try? input.close()
        try? output.close()
    }

    // MARK: - Environment

    static func environment(extra: [String: String]) -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment: [String: String] = [:]
        for name in ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"] { environment[name] = inherited[name] }
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// An absolute path for `command`: itself when it contains `/`, else the first match in `PATH`.
    static func resolve(_ command: String) -> String? {
        if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) ? command : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = (String(directory) as NSString).appendingPathComponent(command)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
