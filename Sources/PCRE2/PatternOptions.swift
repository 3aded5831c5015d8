/// Compile options for a ``Pattern`` or a ``PatternSet``.
///
/// Every pattern is always compiled with PCRE2's UTF and UCP modes (Unicode characters and Unicode properties for
/// `\d`, `\w`, `\b`); byte mode silently changes matches on Chinese text, so it is not offered.
///
/// ```swift
/// let p = try Pattern("weixin", options: .caseless)
/// ```
public struct PatternOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    /// Creates options from raw bits (only the bits declared here have a meaning).
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Letters match regardless of case (Unicode case folding).
    public static let caseless = PatternOptions(rawValue: 1 << 0)

    /// Skip JIT compilation and use PCRE2's interpreter (≈ 13× slower; for tests and comparisons).
    public static let noJIT = PatternOptions(rawValue: 1 << 1)

    /// Compile with PCRE2's offset-limit support (`PCRE2_USE_OFFSET_LIMIT`), so that a search can be told the last
    /// byte a match may start at. `PatternSet` sets it for the prefilter engine; it does not change what matches.
    public static let offsetLimit = PatternOptions(rawValue: 1 << 2)
}
