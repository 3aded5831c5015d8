/// A pattern failed to compile.
///
/// Carries PCRE2's own message and the UTF-8 byte offset in the pattern where the error was detected.
public struct PatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pattern as given.
    public let pattern: String
    /// PCRE2's error message (from `pcre2_get_error_message`).
    public let message: String
    /// UTF-8 byte offset in `pattern` at which PCRE2 stopped.
    public let offset: Int
    /// PCRE2's numeric error code.
    public let code: Int32

    /// Creates an error; normally only ``Pattern`` does this.
    public init(pattern: String, message: String, offset: Int, code: Int32) {
        self.pattern = pattern
        self.message = message
        self.offset = offset
        self.code = code
    }

    public var description: String { "pattern error at byte \(offset): \(message)" }
}
