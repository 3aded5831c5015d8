/// How a pack's patterns are run over a text.
public enum PackEngine: String, Sendable, CaseIterable, Codable {
    /// Every pattern on every field, one at a time: the reference path for tests and benchmarks.
    case naive
    /// A literal prefilter picks the candidate patterns, then only those run; same findings as `naive`.
    case prefilter
}
