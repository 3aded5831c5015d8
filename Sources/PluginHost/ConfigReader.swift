import Yams

/// Typed reads from YAML nodes that throw ``ConfigError`` at the node's place.
struct ConfigReader {
    let file: String

    func error(at node: Node?, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    func mapping(_ node: Node, allowed: Set<String>, what: String) throws(ConfigError) -> [String: Node] {
        guard let mapping = node.mapping else { throw error(at: node, "\(what) must be a mapping") }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                throw error(at: key, "unknown key '\(name)' in \(what) (known: \(allowed.sorted().joined(separator: ", ")))")
            }
            entries[name] = value
        }
        return entries
    }

    func string(_ node: Node?) throws(ConfigError) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else { throw error(at: node, "expected a text") }
        return scalar.string
    }

    func int(_ node: Node?, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let node else { return nil }
        guard let value = node.scalar.flatMap({ Int($0.string) }), range.contains(value) else {
            throw error(at: node, "expected an integer in \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    func strings(_ node: Node?) throws(ConfigError) -> [String]? {
        guard let node else { return nil }
        guard let sequence = node.sequence else { throw error(at: node, "expected a list") }
        var result: [String] = []
        for item in sequence {
            guard let text = item.scalar?.string else { throw error(at: item, "expected a text") }
            result.append(text)
        }
        return result
    }
}
