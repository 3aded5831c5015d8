import CaseCore
import Foundation

extension CaseIntake {
    private static let topLevelKeys: Set<String> = [
        "kind", "channel", "priority", "narrative", "complainant", "respondent", "respondents", "department",
        "tags", "facts",
    ]
    private static let partyKeys: Set<String> = ["name", "phone", "idNumber", "contact", "role", "type"]
    private static let factKeys: Set<String> = [
        "employmentStart", "employmentEnd", "learnedOfInfringement", "amountClaimed", "workersAffected",
        "hasWrittenContract", "workerCategory",
    ]

    /// Parses one JSON object. Errors name the field (`respondent.phone`, `kind`) and never echo personal data.
    ///
    /// - Throws: `EngineError.invalidInput` for malformed JSON, invalid UTF-8, unknown keys, wrong types and unknown
    ///   enum values.
    public static func parse(json data: Data) throws(EngineError) -> CaseIntake {
        guard String(data: data, encoding: .utf8) != nil else {
            throw .invalidInput(place: "stdin", message: "不是有效的 UTF-8 / not valid UTF-8")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw .invalidInput(place: "stdin", message: "不是有效的 JSON / malformed JSON: \(Self.describe(error))")
        }
        guard let dict = object as? [String: Any] else {
            throw .invalidInput(place: "stdin", message: "应为一个 JSON 对象 / expected one JSON object")
        }
        try checkKeys(dict, allowed: topLevelKeys, path: "")
        for key in ["complainant", "respondent"] {
            if let party = dict[key] as? [String: Any] { try checkKeys(party, allowed: partyKeys, path: key) }
        }
        if let list = dict["respondents"] as? [[String: Any]] {
            for (i, party) in list.enumerated() { try checkKeys(party, allowed: partyKeys, path: "respondents[\(i)]") }
        }
        if let facts = dict["facts"] as? [String: Any] { try checkKeys(facts, allowed: factKeys, path: "facts") }
        do {
            let wire = try JSONDecoder().decode(WireIntake.self, from: data)
            return wire.intake
        } catch let error as DecodingError {
            throw .invalidInput(place: error.fieldPath, message: error.explanation)
        } catch {
            throw .invalidInput(place: "stdin", message: String(describing: error))
        }
    }

    private static func checkKeys(_ dict: [String: Any], allowed: Set<String>, path: String) throws(EngineError) {
        if let unknown = dict.keys.sorted().first(where: { !allowed.contains($0) }) {
            let place = path.isEmpty ? unknown : "\(path).\(unknown)"
            throw .invalidInput(place: place, message: "未知字段 / unknown field; allowed: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    private static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return ns.localizedDescription
    }
}

/// The JSON shape of an intake.
private struct WireIntake: Decodable {
    struct WireParty: Decodable {
        var name: String
        var phone: String?
        var idNumber: String?
        var contact: String?
        var role: RespondentType?
        var type: RespondentType?
    }

    var kind: CaseKind
    var channel: Channel?
    var priority: Priority?
    var narrative: String
    var complainant: WireParty?
    var respondent: WireParty?
    var respondents: [WireParty]?
    var department: String?
    var tags: [String]?
    var facts: CaseFacts?

    var intake: CaseIntake {
        func party(_ p: WireParty, _ role: PartyRole) -> Party {
            Party(role: role, type: role == .respondent ? (p.type ?? p.role) : nil, name: p.name, phone: p.phone,
                  idNumber: p.idNumber, contact: p.contact)
        }
        var list = respondents?.map { party($0, .respondent) } ?? []
        if let r = respondent { list.insert(party(r, .respondent), at: 0) }
        return CaseIntake(kind: kind, channel: channel ?? .hotline, priority: priority ?? .normal,
                          narrative: narrative, complainant: complainant.map { party($0, .complainant) },
                          respondents: list, department: department, tags: tags ?? [], facts: facts ?? CaseFacts())
    }
}

extension DecodingError {
    /// The dotted path of the field the error is about (`respondent.phone`, `tags[2]`).
    var fieldPath: String {
        let path: [any CodingKey]
        switch self {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c): path = c.codingPath
        case let .keyNotFound(key, c): path = c.codingPath + [key]
        @unknown default: path = []
        }
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text.isEmpty ? "stdin" : text
    }

    /// A short explanation without the value itself (it may be personal data).
    var explanation: String {
        switch self {
        case let .typeMismatch(type, _): "类型错误，应为 \(type) / wrong type, expected \(type)"
        case .valueNotFound: "缺少值 / missing value"
        case .keyNotFound: "缺少必填字段 / required field is missing"
        case let .dataCorrupted(c): "无效的值 / invalid value: \(c.debugDescription)"
        @unknown default: "无效 / invalid"
        }
    }
}
