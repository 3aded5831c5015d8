/// A pattern of a ``PatternSet`` failed to compile; names the pattern by its index.
public struct PatternSetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Index of the failing pattern in the `patterns` array given to ``PatternSet``.
    public let patternIndex: Int
    /// The underlying compile error (pattern, PCRE2 message, offset).
    public let underlying: PatternError

    /// Creates an error; normally only ``PatternSet`` does this.
    public init(patternIndex: Int, underlying: PatternError) {
        self.patternIndex = patternIndex
        self.underlying = underlying
    }

    /// PCRE2's error message.
    public var message: String { underlying.message }
    /// UTF-8 byte offset in the pattern.
    public var offset: Int { underlying.offset }

    public var description: String { "pattern #\(patternIndex): \(underlying.description)" }
}
