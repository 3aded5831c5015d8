import RuleKit

/// How a meta rule combines other rules by id.
public struct MetaSpec: Sendable, Hashable {
    /// "At least `n` of `of`".
    public struct AtLeast: Sendable, Hashable {
        /// How many must hit.
        public var n: Int
        /// The candidates.
        public var of: [String]

        /// Creates the clause.
        public init(n: Int, of: [String]) {
            self.n = n
            self.of = of
        }
    }

    /// Every one of these must hit (and).
    public var all: [String] = []
    /// At least one of these must hit (or), when not empty.
    public var any: [String] = []
    /// None of these may hit (not).
    public var none: [String] = []
    /// At least `n` of these must hit.
    public var atLeast: AtLeast?

    /// Creates an empty combination.
    public init() {}

    /// Every rule id the meta rule refers to.
    public var references: [String] { all + any + none + (atLeast?.of ?? []) }

    /// Rule ids whose hits count as evidence (everything but `none`).
    public var positiveReferences: [String] { all + any + (atLeast?.of ?? []) }

    /// True when the combination can hold only if at least one rule hit (it has `all`, `any` or `atLeast` with
    /// n ≥ 1); a pack file always has one of them, a spec built in code might not.
    public var needsAHit: Bool { !all.isEmpty || !any.isEmpty || (atLeast?.n ?? 0) >= 1 }

    /// Whether the combination holds, given which rule ids hit.
    public func holds(_ hit: (String) -> Bool) -> Bool {
        guard all.allSatisfy(hit) else { return false }
        if !any.isEmpty && !any.contains(where: hit) { return false }
        if none.contains(where: hit) { return false }
        if let atLeast, atLeast.of.filter(hit).count < atLeast.n { return false }
        return true
    }
}

/// Where in a YAML file something was written.
public struct SourceLocation: Sendable, Hashable {
    /// File path.
    public var file: String
    /// 1-based line.
    public var line: Int?
    /// 1-based column.
    public var column: Int?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// One rule as written in a pack file, with its macros expanded.
public struct PackRuleSpec: Sendable, Hashable {
    /// The rule's description (id, names, severity, score, level, examples …).
    public var description: RuleDescription
    /// The rule's message.
    public var message: LocalizedText
    /// Patterns after macro expansion.
    public var patterns: [String]
    /// Exclude patterns after macro expansion.
    public var excludes: [String]
    /// Patterns as written (for `rules show`).
    public var rawPatterns: [String]
    /// The combination, for meta rules.
    public var meta: MetaSpec?
    /// Where the rule starts in its file.
    public var location: SourceLocation
}

extension PackRuleSpec {
    /// Whether `other` matches and reports like this rule: the same description (id, fields, level, examples …),
    /// message, patterns, excludes and meta rule. Where each was written (``location``) does not count.
    public func hasSameDefinition(as other: PackRuleSpec) -> Bool {
        description == other.description && message == other.message && patterns == other.patterns
            && excludes == other.excludes && meta == other.meta
    }
}
