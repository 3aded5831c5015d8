import CaseCore
import Foundation

/// A change to a case's priority, tags or facts, as `rightsdesk case update` and scripts send it:
///
/// ```json
/// {"priority":"urgent","tags":["欠薪","农民工"],"facts":{"employmentEnd":"2026-01-10","amountClaimed":null}}
/// ```
///
/// Absent keys stay as they are. `tags` replaces the whole list. In `facts`, each key present sets that fact and
/// `null` clears it; facts not named stay. Parties, narrative, kind and channel cannot be changed here (a wrong party
/// is corrected by a note and, if needed, a new linked case); assignment and department change through `assign`.
public struct CaseUpdate: Sendable, Equatable {
    public var priority: Priority?
    public var tags: [String]?
    /// Facts to set (only the non-nil ones are applied).
    public var setFacts: CaseFacts
    /// Names of facts to clear (`null` in the JSON).
    public var clearFacts: Set<String>

    public init(priority: Priority? = nil, tags: [String]? = nil, setFacts: CaseFacts = CaseFacts(),
                clearFacts: Set<String> = []) {
        self.priority = priority
        self.tags = tags
        self.setFacts = setFacts
        self.clearFacts = clearFacts
    }

    /// The fact keys a script may name.
    public static let factKeys: [String] = [
        "employmentStart", "employmentEnd", "learnedOfInfringement", "amountClaimed", "workersAffected",
        "hasWrittenContract", "workerCategory",
    ]

    /// Parses one JSON object. Errors name the field (`facts.employmentEnd`, `priority`) and never echo values.
    ///
    /// - Throws: `EngineError.invalidInput` for invalid UTF-8, malformed JSON, unknown keys, wrong types.
    public static func parse(json data: Data) throws(EngineError) -> CaseUpdate {
        guard String(data: data, encoding: .utf8) != nil else {
            throw .invalidInput(place: "stdin", message: "不是有效的 UTF-8 / not valid UTF-8")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data, options: []) as? [String: Any] else {
            throw .invalidInput(place: "stdin", message: "应为一个 JSON 对象 / expected one well-formed JSON object")
        }
        try checkKeys(object.keys, allowed: ["priority", "tags", "facts"], path: "")
        var update = CaseUpdate()
        update.priority = try decode(Priority.self, object["priority"], place: "priority")
        update.tags = try decode([String].self, object["tags"], place: "tags")
        if let raw = object["facts"] {
            guard let facts = raw as? [String: Any] else {
                throw .invalidInput(place: "facts", message: "应为 JSON 对象 / expected an object")
            }
            try checkKeys(facts.keys, allowed: factKeys, path: "facts.")
            update.clearFacts = Set(facts.filter { $0.value is NSNull }.map(\.key))
            let setting = facts.filter { !($0.value is NSNull) }
            update.setFacts = try decode(CaseFacts.self, setting, place: "facts") ?? CaseFacts()
        }
        return update
    }

    private static func checkKeys(_ keys: Dictionary<String, Any>.Keys, allowed: [String],
                                  path: String) throws(EngineError) {
        if let unknown = keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .invalidInput(place: path + unknown,
                                message: "未知字段 / unknown field; allowed: \(allowed.joined(separator: ", "))")
        }
    }

    /// Decodes one JSON value (nil when absent or null) through its Codable form, naming the field on failure.
    private static func decode<T: Decodable>(_ type: T.Type, _ value: Any?, place: String) throws(EngineError) -> T? {
        guard let value, !(value is NSNull) else { return nil }
        do {
            let data = try JSONSerialization.data(withJSONObject: ["v": value], options: [.fragmentsAllowed])
            return try JSONDecoder().decode([String: T].self, from: data)["v"]
        } catch let error as DecodingError {
            let inner = error.fieldPath.split(separator: ".").dropFirst().joined(separator: ".")
            throw .invalidInput(place: inner.isEmpty ? place : "\(place).\(inner)", message: error.explanation)
        } catch {
            throw .invalidInput(place: place, message: "无法读取 / unreadable value")
        }
    }
}
