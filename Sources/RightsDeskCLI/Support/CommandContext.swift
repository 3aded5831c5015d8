import ArgumentParser
import CaseCore
import CaseEngine
import CaseStore
import Foundation
import Logging
import PluginHost

/// Opens the store and the engine for a command, and turns engine errors into one line and an exit code.
struct CommandContext {
    let options: GlobalOptions
    let service: CaseService
    /// The database file in use.
    let databasePath: String
    /// The rules directory in use.
    let rulesDirectory: String

    /// Opens an existing database; `create` allows a new file (only `init` does that).
    init(_ options: GlobalOptions, create: Bool = false) throws {
        self.options = options
        let opened: (path: String, rules: String, service: CaseService)
        do {
            opened = try CommandContext.open(options, create: create)
        } catch let error as EngineError {
            throw CommandContext.fail(error, options.lang)
        } catch let error as StoreError {
            throw CommandContext.fail(.store(error), options.lang)
        }
        databasePath = opened.path
        rulesDirectory = opened.rules
        service = opened.service
    }

    private static func open(_ options: GlobalOptions,
                             create: Bool) throws -> (path: String, rules: String, service: CaseService) {
        let configuration = try options.loadConfiguration()
        let path = options.databasePath(configuration)
        let rules = RulesLocator.directory(flag: options.rules, configuration: configuration)
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw EngineError.invalidInput(place: path, message: options.lang == .zh
                ? "数据库不存在；请先运行 rightsdesk init --db \(path)"
                : "no database here; run rightsdesk init --db \(path) first")
        }
        let settings = try CaseEngineSettings.load(rulesDirectory: rules, numberPrefix: configuration.numberPrefix)
        let logger = CommandContext.logger()
        let store = try CaseStore(path: path, logger: logger)
        let service = CaseService(store: store, settings: settings, logger: logger, now: try CommandContext.clock())
        return (path, rules, service)
    }

    /// The logger for a command: warnings and errors only, unless `RIGHTSDESK_LOG_LEVEL` says otherwise
    /// (trace, debug, info, notice, warning, error, critical). Logs carry ids and counts, never personal data.
    static func logger() -> Logger {
        var logger = Logger(label: "rightsdesk")
        let level = ProcessInfo.processInfo.environment["RIGHTSDESK_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .warning
        return logger
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
    func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as EngineError {
            throw CommandContext.fail(error, options.lang)
        } catch let error as StoreError {
            throw CommandContext.fail(.store(error), options.lang)
        }
    }

    static func fail(_ error: EngineError, _ language: Language) -> ExitCode {
        Output.error(error.message(language))
        return ExitCode(error.exitCode)
    }
}
