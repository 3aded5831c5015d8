import PatternPack
import RuleKit

/// The registry could not be built: pack problems, a built-in module that failed, or duplicate ids.
public struct HostError: Error, Sendable, CustomStringConvertible {
    /// Problems of data packs, with their places.
    public var packProblems: [PackProblem]
    /// Other failures (built-in modules, registry duplicates), as text.
    public var messages: [String]

    /// Creates an error.
    public init(packProblems: [PackProblem] = [], messages: [String] = []) {
        self.packProblems = packProblems
        self.messages = messages
    }

    public var description: String {
        (packProblems.map(\.description) + messages).joined(separator: "\n")
    }
}
