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
        wanted = Set(FieldMapping.subjectFields.map(mapping.source(of:)) + extras)
    }

    /// Input field names to decode.
    private let wanted: Set<String>

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
        let values: [String: String]
        do {
            values = try bytes.withUnsafeBufferPointer { buffer throws(FlatJSON.Failure) in
                try FlatJSON.values(buffer, wanted: wanted)
            }
        } catch .invalidUTF8 {
            return .failure(InputProblem(line: line, message: "invalid UTF-8 (skipped)"))
        } catch {
            return .failure(InputProblem(line: line, message: "malformed JSON or not an object (skipped)"))
        }
        return .success(posting(line: line) { values[$0] })
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
}
