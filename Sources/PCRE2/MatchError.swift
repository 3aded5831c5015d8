/// Which bound of ``MatchLimits`` (or of the JIT's stack) a match attempt ran into.
public enum MatchLimitKind: String, Sendable, Hashable {
    case match, depth, heap, jitStack, memory
}

/// A match attempt failed (as opposed to finding no match).
public enum MatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The attempt ran into a bound; `pattern` is the index within a ``PatternSet`` (nil for a lone ``Pattern``).
    case limitExceeded(MatchLimitKind, pattern: Int?)
    /// The subject is not valid UTF-8; `offset` is the byte offset of the first bad sequence.
    case invalidUTF8(offset: Int)
    /// Any other PCRE2 failure, with its code and message.
    case failed(code: Int32, message: String)

    /// One-line English text for logs (no subject text is ever included).
    public var message: String {
        switch self {
        case .limitExceeded(let kind, let pattern):
            let which = pattern.map { " (pattern #\($0))" } ?? ""
            return "match \(kind.rawValue) limit exceeded\(which)"
        case .invalidUTF8(let offset):
            return "subject is not valid UTF-8 at byte \(offset)"
        case .failed(let code, let message):
            return "PCRE2 match failed (\(code)): \(message)"
        }
    }

    public var description: String { message }

    /// The same error, attributed to pattern `index` of a set.
    func attributed(to index: Int) -> MatchError {
        if case .limitExceeded(let kind, _) = self { return .limitExceeded(kind, pattern: index) }
        return self
    }
}
