import RuleKit

/// One way a rule's examples failed; returned by ``RuleExampleVerifier``.
public struct ExampleFailure: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The rule has no examples at all.
        case noExamples
        /// A scored rule lacks a trigger example.
        case missingTrigger
        /// A scored rule lacks an ignore example.
        case missingIgnore
        /// A trigger example does not have exactly one well-formed `⟦…⟧` span (required for pattern rules).
        case badMarkers
        /// A trigger example did not make the rule hit.
        case notTriggered
        /// The rule hit but no evidence has the marked span (expected and reported byte ranges).
        case wrongSpan(expected: Range<Int>, actual: [Range<Int>])
        /// An ignore example made the rule hit.
        case ignoredTriggered
        /// The module threw.
        case threw(String)
    }

    /// The module id.
    public var module: String
    /// The rule id.
    public var rule: String
    /// The example text (markers included), or empty for missing examples.
    public var example: String
    /// What went wrong.
    public var kind: Kind

    /// Creates a failure.
    public init(module: String, rule: String, example: String, kind: Kind) {
        self.module = module
        self.rule = rule
        self.example = example
        self.kind = kind
    }

    /// A readable one-line message naming the rule and the example.
    public var description: String {
        let what: String
        switch kind {
        case .noExamples: what = "has no examples"
        case .missingTrigger: what = "is scored but has no trigger example"
        case .missingIgnore: what = "is scored but has no ignore example"
        case .badMarkers: what = "trigger example needs exactly one ⟦…⟧ span"
        case .notTriggered: what = "did not hit its trigger example"
        case .wrongSpan(let expected, let actual):
            what = "hit at bytes \(actual.map { "\($0.lowerBound)..<\($0.upperBound)" }) "
                + "but the example marks \(expected.lowerBound)..<\(expected.upperBound)"
        case .ignoredTriggered: what = "hit its ignore example"
        case .threw(let message): what = "threw: \(message)"
        }
        return example.isEmpty ? "\(rule): \(what)" : "\(rule): \(what): \"\(example)\""
    }
}
