/// One named text field of a ``Subject``.
public struct SubjectField: Sendable, Hashable, Codable {
    /// Field name, e.g. `title` or `description`.
    public var name: String
    /// The field's text; evidence offsets are UTF-8 byte offsets into it.
    public var text: String

    /// Creates a field.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Whether this is the `id` field (the subject's identifier, never matched). The length is compared first:
    /// comparing two different strings otherwise takes the slow path of `==`, and this is asked for every field
    /// of every posting.
    @inlinable
    public var isID: Bool { name.utf8.count == 2 && name == "id" }
}

/// The thing a module evaluates: a kind, an id and ordered text fields.
///
/// ```swift
/// let posting = Subject(kind: .jobPosting, id: "42", fields: [SubjectField(name: "title", text: "日结")])
/// ```
public struct Subject: Sendable, Hashable, Codable {
    /// What kind of subject this is.
    public var kind: SubjectKind
    /// The caller's id (posting id, case number); never scanned.
    public var id: String
    /// Text fields in a stable order.
    public var fields: [SubjectField]

    /// Creates a subject.
    public init(kind: SubjectKind, id: String, fields: [SubjectField]) {
        self.kind = kind
        self.id = id
        self.fields = fields
    }

    /// The text of the first field with this name, if any.
    public func text(of name: String) -> String? {
        fields.first { $0.name == name }?.text
    }
}
