/// Expands `{{name}}` and `{{name:arg}}` macros in patterns: the built-ins of the pack format plus file macros.
///
/// File macros may use other macros; expansion stops with an error after 8 nested levels (a macro that uses
/// itself). An unknown macro is an error, never left in the pattern.
///
/// ```swift
/// let expander = MacroExpander(fileMacros: ["fee": "(?:押金|保证金)"])
/// let pattern = try expander.expand("{{pay}}{{gap:8}}{{fee}}")
/// ```
public struct MacroExpander: Sendable {
    /// Why a macro could not be expanded.
    public struct Failure: Error, Sendable, Hashable {
        /// What is wrong, in English.
        public var message: String
    }

    private let fileMacros: [String: String]

    /// Creates an expander with a file's own macros (which shadow nothing: built-in names win).
    public init(fileMacros: [String: String] = [:]) {
        self.fileMacros = fileMacros
    }

    /// Names of the built-in macros.
    public static let builtInNames = ["digit", "num", "sep", "spaced", "gap", "wechat", "qq", "pay"]

    /// The pattern with every macro expanded.
    ///
    /// - Throws: ``Failure`` for an unknown macro, a bad argument or macros nested too deep.
    public func expand(_ pattern: String) throws(Failure) -> String {
        try expand(pattern, depth: 0)
    }

    private func expand(_ pattern: String, depth: Int) throws(Failure) -> String {
        guard depth < 8 else { throw Failure(message: "macros nested more than 8 levels (a macro uses itself?)") }
        var output = ""
        var rest = Substring(pattern)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw Failure(message: "unclosed '{{' in pattern")
            }
            let body = rest[open.upperBound..<close.lowerBound]
            let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingSpaces
            let argument = parts.count > 1 ? String(parts[1]) : nil
            output += try expandMacro(name: name, argument: argument, depth: depth)
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }

    private func expandMacro(name: String, argument: String?, depth: Int) throws(Failure) -> String {
        if let fragment = try BuiltInMacros.expand(name: name, argument: argument) { return fragment }
        if let fragment = fileMacros[name] {
            guard argument == nil else { throw Failure(message: "macro '\(name)' takes no argument") }
            return try expand(fragment, depth: depth + 1)
        }
        throw Failure(message: "unknown macro '{{\(name)}}'")
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
