/// Read-only questions a module may ask about history while it evaluates a subject.
///
/// The case store implements it; modules never see the store itself. Implementations must be safe to call from
/// many threads at once.
public protocol EvaluationContext: Sendable {
    /// How many stored cases and postings name this entity (`kind` such as `phone`, `wechat`; `value` normalised).
    func entityCount(kind: String, value: String) -> Int
}

/// A context with no history: every count is 0. Used by scans without a store and by tests.
public struct EmptyContext: EvaluationContext {
    /// Creates the empty context.
    public init() {}

    /// Always 0.
    public func entityCount(kind: String, value: String) -> Int { 0 }
}
