import Foundation
import RuleKit

/// The JSON-lines wire format spoken with external modules (`docs/module-protocol.md`), version 1.
///
/// Messages are single-line JSON objects with a `type`. The module speaks first (`handshake`); the host then sends
/// `evaluate`, `ping` and finally `shutdown`; the module answers each request with `result`, `pong` or `error`
/// carrying the request's `id`.
public enum ModuleProtocol {
    /// The protocol version this host speaks.
    public static let version = 1

    /// A rule as a module announces it in its handshake.
    struct WireRule: Codable, Sendable {
        var id: String
        var aliases: [String]?
        var name: LocalizedText
        var severity: Severity
        var score: Int
        var level: Int?
        var incubator: Bool?
        var references: [String]?
        var fields: [String]?
        var examples: RuleExamples?
    }

    /// The first line a module prints.
    struct Handshake: Decodable, Sendable {
        var type: String
        var `protocol`: Int
        var module: String
        var version: String
        var subjects: [String]
        var rules: [WireRule]
    }

    /// A suggested action on the wire: `{"type": "flagEntity", "kind": …, "value": …}` and so on.
    struct WireAction: Decodable, Sendable {
        var type: String
        var kind: String?
        var value: String?
        var authority: String?
        var basis: String?
        var deadlineDays: Int?
    }

    /// A finding on the wire (the module id is filled in by the host).
    struct WireFinding: Decodable, Sendable {
        var rule: String
        var severity: Severity
        var score: Int
        var message: LocalizedText
        var evidence: [Evidence]?
        var actions: [WireAction]?
        var references: [String]?
    }

    /// Any line a module prints after its handshake.
    struct Response: Decodable, Sendable {
        var type: String
        var id: String?
        var `protocol`: Int?
        var findings: [WireFinding]?
        var message: String?
    }

    struct Context: Encodable, Sendable {
        var `protocol`: Int
        var deadlineMs: Int
    }

    struct EvaluateRequest: Encodable, Sendable {
        var type = "evaluate"
        var id: String
        var subject: Subject
        var context: Context
    }

    struct SimpleRequest: Encodable, Sendable {
        var type: String
        var id: String
    }

    /// One encoded request line, newline included.
    static func line(_ message: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        var data = (try? encoder.encode(message)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    /// Decodes a line, or says briefly why it is not the expected message.
    static func decode<T: Decodable>(_ type: T.Type, from line: Data) -> Result<T, WireProblem> {
        do {
            return .success(try JSONDecoder().decode(T.self, from: line))
        } catch let DecodingError.keyNotFound(key, context) {
            return .failure(WireProblem(why: "missing key '\(path(context.codingPath + [key]))'"))
        } catch let DecodingError.typeMismatch(_, context) {
            return .failure(WireProblem(why: "wrong type at '\(path(context.codingPath))'"))
        } catch let DecodingError.valueNotFound(_, context) {
            return .failure(WireProblem(why: "null at '\(path(context.codingPath))'"))
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            return .failure(WireProblem(why: "bad value at '\(path(context.codingPath))'"))
        } catch {
            return .failure(WireProblem(why: "not a JSON object (\(line.count) bytes)"))
        }
    }

    /// Why a line is not the expected message.
    struct WireProblem: Error, Sendable {
        var why: String
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
