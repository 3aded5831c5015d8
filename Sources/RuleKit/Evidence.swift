/// Where a rule matched: a field, a UTF-8 byte range in it and a short excerpt around the match.
public struct Evidence: Sendable, Hashable, Codable {
    /// Name of the subject field.
    public var field: String
    /// Start of the match, in UTF-8 bytes from the start of the field text.
    public var start: Int
    /// End of the match (exclusive), in UTF-8 bytes.
    public var end: Int
    /// The matched text with a few characters of context.
    public var excerpt: String

    /// Creates evidence.
    public init(field: String, start: Int, end: Int, excerpt: String) {
        self.field = field
        self.start = start
        self.end = end
        self.excerpt = excerpt
    }
}
