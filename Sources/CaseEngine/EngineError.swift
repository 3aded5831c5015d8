import CaseCore
import CaseStore

/// Why the engine refused a request. Each case maps to one documented CLI exit code (`docs/cli.md`).
public enum EngineError: Error, Sendable, Equatable {
    /// Input that can never succeed as given; `place` names the field, line or file.
    case invalidInput(place: String, message: String)
    case notFound(String)
    case conflict(caseId: Int64, expected: Int, current: Int)
    case workflow(WorkflowError)
    case store(StoreError)
    case configuration(String)

    public func message(_ language: Language = .zh) -> String {
        switch self {
        case let .invalidInput(place, message):
            return place.isEmpty ? message : "\(place): \(message)"
        case let .notFound(what):
            return language == .zh ? "找不到案件：\(what)" : "no such case: \(what)"
        case let .conflict(caseId, expected, current):
            return language == .zh
                ? "版本冲突：案件 \(caseId) 已被他人修改（你基于版本 \(expected)，当前版本 \(current)），未做任何更改"
                : "conflict: case \(caseId) was changed by someone else (you had version \(expected), current is \(current)); nothing was changed"
        case let .workflow(error):
            return error.message(language)
        case let .store(error):
            return error.message(language)
        case let .configuration(text):
            return language == .zh ? "配置错误：\(text)" : "configuration error: \(text)"
        }
    }

    /// The process exit code a CLI reports for this error: 2 bad input, 3 not found, 4 conflict, 1 other failures.
    public var exitCode: Int32 {
        switch self {
        case .invalidInput, .workflow, .configuration: 2
        case .notFound: 3
        case .conflict: 4
        case let .store(error):
            switch error {
            case .conflict: 4
            case .notFound: 3
            case .invalid, .notRightsDeskDatabase, .newerSchema: 2
            case .io: 1
            }
        }
    }

    /// Wraps a store error, turning its conflict and not-found cases into the engine's own.
    static func from(_ error: StoreError) -> EngineError {
        switch error {
        case let .conflict(caseId, expected, current): .conflict(caseId: caseId, expected: expected, current: current)
        case let .notFound(what): .notFound(what)
        default: .store(error)
        }
    }
}

extension EngineError: CustomStringConvertible {
    public var description: String { message(.en) }
}
