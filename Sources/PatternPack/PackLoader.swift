import RuleKit

/// Loads a rule pack directory into a ``PatternPackModule``.
///
/// ```swift
/// let module = try PackLoader.load(directory: "rules/fake-job")
/// ```
public enum PackLoader {
    /// Reads, checks and compiles every YAML file of `directory`.
    ///
    /// - Parameters:
    ///   - directory: the pack directory.
    ///   - id: module id (defaults to the pack id declared by the files).
    ///   - engine: matching strategy.
    ///   - literalSample: typical texts to rank prefilter literals by rarity (speed only).
    /// - Throws: ``PackLoadError`` listing every problem (file:line:column, rule, pattern index, PCRE2 offset).
    public static func load(
        directory: String, id: String? = nil, engine: PackEngine = .prefilter, literalSample: LiteralSample? = nil
    ) throws(PackLoadError) -> PatternPackModule {
        try PatternPackModule(
            source: PackSource.read(directory: directory), id: id, engine: engine, literalSample: literalSample)
    }

    /// Compiles pack files given as text (for tests and tools).
    public static func load(files: [(path: String, text: String)], engine: PackEngine = .prefilter)
        throws(PackLoadError) -> PatternPackModule
    {
        try PatternPackModule(source: PackSource.parse(files: files), engine: engine)
    }
}
