import Yams

/// Reads typed values out of a composed YAML node tree and records every problem with its file:line:column.
struct YAMLReader {
    let file: String
    private(set) var problems: [PackProblem] = []

    init(file: String) { self.file = file }

    mutating func report(
        _ code: PackProblem.Code, at node: Node?, rule: String? = nil, patternIndex: Int? = nil, offset: Int? = nil,
        _ message: String
    ) {
        problems.append(PackProblem(
            code, file: file, line: node?.mark?.line, column: node?.mark?.column, rule: rule,
            patternIndex: patternIndex, offset: offset, message: message))
    }

    mutating func append(_ problem: PackProblem) { problems.append(problem) }

    /// The entries of a mapping, reporting keys not in `allowed` (a typo such as `patern:` is an error).
    mutating func mapping(_ node: Node, allowed: Set<String>, what: String, rule: String? = nil) -> [String: Node]? {
        guard let mapping = node.mapping else {
            report(.wrongType, at: node, rule: rule, "\(what) must be a mapping")
            return nil
        }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if allowed.contains(name) {
                entries[name] = value
            } else {
                let known = allowed.sorted().joined(separator: ", ")
                report(.unknownKey, at: key, rule: rule, "unknown key '\(name)' in \(what) (known: \(known))")
            }
        }
        return entries
    }

    mutating func string(_ node: Node?, key: String, rule: String? = nil) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            report(.wrongType, at: node, rule: rule, "'\(key)' must be a text")
            return nil
        }
        return scalar.string
    }

    mutating func int(_ node: Node?, key: String, rule: String? = nil) -> Int? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let value = Int(text) else {
            report(.wrongType, at: node, rule: rule, "'\(key)' must be an integer")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, key: String, rule: String? = nil) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.string {
        case "true", "yes", "True": return true
        case "false", "no", "False": return false
        default:
            report(.wrongType, at: node, rule: rule, "'\(key)' must be true or false")
            return nil
        }
    }

    /// A list of texts; a single text counts as a list of one.
    mutating func strings(_ node: Node?, key: String, rule: String? = nil) -> [String]? {
        guard let node else { return nil }
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else {
            report(.wrongType, at: node, rule: rule, "'\(key)' must be a list of texts")
            return nil
        }
        var result: [String] = []
        for item in sequence {
            if let text = string(item, key: key, rule: rule) { result.append(text) }
        }
        return result
    }

    /// The nodes of a list, for reporting per item.
    mutating func items(_ node: Node?, key: String, rule: String? = nil) -> [Node] {
        guard let node else { return [] }
        if node.scalar != nil { return [node] }
        guard let sequence = node.sequence else {
            report(.wrongType, at: node, rule: rule, "'\(key)' must be a list")
            return []
        }
        return Array(sequence)
    }
}
