import Foundation

/// Which input field feeds which subject field: `--map description=jobDescription,id=job_id`.
///
/// Subject fields are `id`, `title`, `description`, `company`, `contact`, `salary`, and the optional `subtitle`,
/// `welfare`, `requirements`, `companyIntro` (extra posting text a learned model may read; empty when the input
/// has no such field); each reads the input field of the same name unless mapped. Other input fields are ignored.
public struct FieldMapping: Sendable, Hashable {
    /// The subject fields of a job posting, in evaluation order (`id` is never scanned).
    public static let subjectFields = [
        "id", "title", "description", "company", "contact", "salary",
        "subtitle", "welfare", "requirements", "companyIntro",
    ]

    /// Subject field → input field name.
    public private(set) var sources: [String: String]

    /// The identity mapping.
    public init() {
        sources = Dictionary(uniqueKeysWithValues: Self.subjectFields.map { ($0, $0) })
    }

    /// Parses `target=source,…` on top of the identity mapping.
    ///
    /// - Throws: ``MappingError`` for an entry without `=` or an unknown subject field.
    public init(parsing text: String) throws(MappingError) {
        self.init()
        for entry in text.split(separator: ",") where !entry.isEmpty {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw MappingError(message: "'\(entry)' is not FIELD=INPUT_FIELD")
            }
            guard Self.subjectFields.contains(parts[0]) else {
                let known = Self.subjectFields.joined(separator: ", ")
                throw MappingError(message: "unknown field '\(parts[0])' in --map (known: \(known))")
            }
            sources[parts[0]] = parts[1]
        }
    }

    /// The input field for a subject field.
    public func source(of field: String) -> String { sources[field] ?? field }
}

/// A `--map` value that cannot be used.
public struct MappingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    public var description: String { message }
}
