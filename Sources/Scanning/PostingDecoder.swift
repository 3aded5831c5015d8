import Foundation
import RuleKit

/// Turns input records into postings using a ``FieldMapping``.
///
/// JSON numbers and booleans become text; `null` and missing fields are empty (a missing id becomes `#LINE`).
/// Invalid UTF-8 or a line that is not a JSON object is a problem for that record.
public struct PostingDecoder: Sendable {
    /// The mapping in force.
    public let mapping: FieldMapping
    /// Extra input fields to keep (e.g. the label for `rules eval`).
    public let extras: [String]

    /// Creates a decoder.
    public init(mapping: FieldMapping = FieldMapping(), extras: [String] = []) {
        self.mapping = mapping
        self.extras = extras
    }

    /// Decodes one record.
    public func decode(_ record: InputRecord) -> Result<Posting, InputProblem> {
        switch record {
        case .json(let line, let bytes):
            return decodeJSON(line: line, bytes: bytes)
        case .csv(let line, let header, let fields):
            var values: [String: String] = [:]
            for (name, raw) in zip(header, fields) {
                guard let text = String(validating: raw, as: UTF8.self) else {
                    return .failure(InputProblem(line: line, message: "invalid UTF-8 in column '\(name)' (skipped)"))
                }
                values[name] = text
            }
            return .success(posting(line: line) { values[$0] })
        }
    }

    private func decodeJSON(line: Int, bytes: [UInt8]) -> Result<Posting, InputProblem> {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(InputProblem(line: line, message: "invalid UTF-8 (skipped)"))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            return .failure(InputProblem(line: line, message: "malformed JSON (skipped)"))
        }
        guard let dictionary = object as? [String: Any] else {
            return .failure(InputProblem(line: line, message: "not a JSON object (skipped)"))
        }
        return .success(posting(line: line) { Self.text(of: dictionary[$0]) })
    }

    private func posting(line: Int, value: (String) -> String?) -> Posting {
        var fields: [SubjectField] = []
        var id = "#\(line)"
        for name in FieldMapping.subjectFields {
            let text = value(mapping.source(of: name))
            if name == "id" {
                if let text, !text.isEmpty { id = text }
            } else {
                fields.append(SubjectField(name: name, text: text ?? ""))
            }
        }
        var extraValues: [String: String] = [:]
        for name in extras { extraValues[name] = value(name) }
        return Posting(line: line, subject: Subject(kind: .jobPosting, id: id, fields: fields), extras: extraValues)
    }

    /// Text of a JSON value: strings as they are, numbers and booleans written out, anything else nil.
    static func text(of value: Any?) -> String? {
        switch value {
        case let string as String: return string
        case let number as NSNumber:
            // Foundation hands JSON booleans out as a private NSNumber subclass; its name is the only tell on Linux.
            if String(describing: type(of: number)).contains("Boolean") { return number.boolValue ? "true" : "false" }
            return number.stringValue
        default: return nil
        }
    }
}
