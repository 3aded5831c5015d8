/// One problem found while loading or linting a rule pack, with the place it comes from.
///
/// YAML problems carry `file:line:column`; pattern problems carry the rule id, the pattern index and PCRE2's byte
/// offset. Loading collects every problem rather than stopping at the first.
public struct PackProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, for tests and tools.
    public enum Code: String, Sendable, Hashable {
        case unreadableFile, yamlSyntax, unknownKey, missingKey, wrongType, badValue, unsupportedVersion
        case packMismatch, duplicateRule, unknownMacro, badPattern, unknownRuleReference, metaCycle
        case missingExamples, badExampleMarkers, exampleFailed, limitExceeded
    }

    /// The kind of problem.
    public var code: Code
    /// The file path as given to the loader.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column (in Unicode scalars), when known.
    public var column: Int?
    /// The rule the problem belongs to, when known.
    public var rule: String?
    /// Index of the pattern in the rule's `patterns` (or `exclude` after the patterns), when relevant.
    public var patternIndex: Int?
    /// PCRE2's UTF-8 byte offset in the expanded pattern, for bad regexes.
    public var offset: Int?
    /// What is wrong, in English.
    public var message: String

    /// Creates a problem.
    public init(
        _ code: Code, file: String, line: Int? = nil, column: Int? = nil, rule: String? = nil,
        patternIndex: Int? = nil, offset: Int? = nil, message: String
    ) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule
        self.patternIndex = patternIndex
        self.offset = offset
        self.message = message
    }

    /// `file:line:column: rule R: pattern #i at byte N: message`, leaving out what is unknown.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        var parts = [place]
        if let rule { parts.append("rule \(rule)") }
        if let patternIndex {
            parts.append(offset.map { "pattern #\(patternIndex) at byte \($0)" } ?? "pattern #\(patternIndex)")
        }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

/// Loading a pack failed; `problems` lists every problem found.
public struct PackLoadError: Error, Sendable, CustomStringConvertible {
    /// All problems, in file order.
    public var problems: [PackProblem]

    /// Creates the error.
    public init(problems: [PackProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
