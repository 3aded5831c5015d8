import RuleKit
import Yams

/// Parses one pack file (format v1) into rule specs, collecting every problem with file:line:column.
struct PackFileParser {
    var reader: YAMLReader
    var expander = MacroExpander()

    static let fileKeys: Set<String> = ["pack", "version", "macros", "rules"]
    static let ruleKeys: Set<String> = [
        "id", "aliases", "name", "severity", "score", "level", "fields", "patterns", "exclude", "message",
        "references", "incubator", "subrule", "meta", "examples",
    ]

    init(file: String) { reader = YAMLReader(file: file) }

    /// The pack id (nil when missing), its rules and the problems found.
    static func parse(file: String, text: String) -> (pack: String?, rules: [PackRuleSpec], problems: [PackProblem]) {
        var parser = PackFileParser(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return (nil, [], [yamlProblem(error, file: file)])
        }
        guard let root else {
            return (nil, [], [PackProblem(.missingKey, file: file, line: 1, column: 1, message: "empty file")])
        }
        let result = parser.parseRoot(root)
        return (result.pack, result.rules, parser.reader.problems)
    }

    private mutating func parseRoot(_ root: Node) -> (pack: String?, rules: [PackRuleSpec]) {
        guard let top = reader.mapping(root, allowed: Self.fileKeys, what: "the file") else { return (nil, []) }
        let pack = reader.string(top["pack"], key: "pack")
        if top["pack"] == nil { reader.report(.missingKey, at: root, "missing 'pack:' (the id of the owning module)") }
        if let versionNode = top["version"] {
            if let version = reader.int(versionNode, key: "version"), version != 1 {
                reader.report(.unsupportedVersion, at: versionNode, "format version \(version) is not supported (only 1)")
            }
        } else {
            reader.report(.missingKey, at: root, "missing 'version: 1'")
        }
        if let macrosNode = top["macros"], macrosNode.mapping == nil {
            reader.report(.wrongType, at: macrosNode, "macros must be a mapping of name to pattern fragment")
        }
        var fileMacros: [String: String] = [:]
        for (key, value) in top["macros"]?.mapping ?? [:] {
            if let name = key.string, let fragment = reader.string(value, key: "macros.\(name)") {
                fileMacros[name] = fragment
            }
        }
        expander = MacroExpander(fileMacros: fileMacros)
        var rules: [PackRuleSpec] = []
        for node in reader.items(top["rules"], key: "rules") {
            if let rule = parseRule(node) { rules.append(rule) }
        }
        return (pack, rules)
    }

    static func yamlProblem(_ error: any Error, file: String) -> PackProblem {
        guard let yaml = error as? YamlError else {
            return PackProblem(.yamlSyntax, file: file, message: "cannot read YAML: \(error)")
        }
        switch yaml {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return PackProblem(.yamlSyntax, file: file, line: mark.line, column: mark.column, message: problem)
        case .reader(let problem, _, _, _):
            return PackProblem(.yamlSyntax, file: file, message: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return PackProblem(
                .yamlSyntax, file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicate keys \(duplicates.joined(separator: ", "))")
        default:
            return PackProblem(.yamlSyntax, file: file, message: "cannot read YAML: \(yaml)")
        }
    }
}
