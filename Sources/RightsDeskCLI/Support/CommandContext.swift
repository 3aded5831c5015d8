import ArgumentParser
import CaseCore
import CaseEngine
import CaseStore
import Foundation

/// Opens the store and the engine for a command, and turns engine errors into one line and an exit code.
struct CommandContext {
    let options: GlobalOptions
    let service: CaseService

    /// Opens an existing database; `create` allows a new file (only `init` does that).
    init(_ options: GlobalOptions, create: Bool = false) throws {
        self.options = options
        let path = options.databasePath
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw CommandContext.fail(.invalidInput(place: path, message: options.lang == .zh
                ? "数据库不存在；请先运行 rightsdesk init --db \(path)"
                : "no database here; run rightsdesk init --db \(path) first"), options.lang)
        }
        do {
            let settings = try CaseEngineSettings.load(rulesDirectory: options.rulesDirectory)
            let store = try CaseStore(path: path)
            service = CaseService(store: store, settings: settings, now: try CommandContext.clock())
        } catch let error as EngineError {
            throw CommandContext.fail(error, options.lang)
        } catch let error as StoreError {
            throw CommandContext.fail(.store(error), options.lang)
        }
    }

    /// The clock: the real time, or the fixed instant in `RIGHTSDESK_NOW` (ISO-8601), which demos and the CLI's
    /// golden tests use to get reproducible due dates.
    static func clock() throws(EngineError) -> @Sendable () -> Date {
        guard let text = ProcessInfo.processInfo.environment["RIGHTSDESK_NOW"] else { return { Date() } }
        guard let fixed = JSONOutput.isoFormatter().date(from: text) else {
            throw .configuration("RIGHTSDESK_NOW is not an ISO-8601 instant such as 2026-03-02T01:00:00Z")
        }
        return { fixed }
    }

    /// Runs `body`, mapping an `EngineError` to a one-line message on stderr and its exit code.
    /// (The body is untyped-throwing because closures do not infer a typed `throws` here; other errors pass through.)
    func run(_ body: () throws -> Void) throws {
        do { try body() } catch let error as EngineError { throw CommandContext.fail(error, options.lang) }
    }

    static func fail(_ error: EngineError, _ language: Language) -> ExitCode {
        Output.error(error.message(language))
        return ExitCode(error.exitCode)
    }
}
