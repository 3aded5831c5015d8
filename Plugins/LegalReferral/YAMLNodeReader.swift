import Yams

/// Reads typed values out of a composed YAML node and throws ``LegalDataError`` with the node's line.
struct YAMLNodeReader {
    let file: String

    func fail(_ node: Node?, _ message: String) -> LegalDataError {
        LegalDataError(file: file, line: node?.mark?.line, message: message)
    }

    /// Composes `text`; syntax errors carry the line Yams reports.
    func compose(_ text: String) throws -> Node {
        do {
            guard let root = try Yams.compose(yaml: text) else { throw fail(nil, "empty file") }
            return root
        } catch let error as LegalDataError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw fail(nil, "cannot read YAML: \(error)")
        }
    }

    private func syntaxError(_ error: YamlError) -> LegalDataError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return LegalDataError(file: file, line: mark.line, message: "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LegalDataError(file: file, line: context.mark.line,
                                  message: "duplicate keys \(duplicates.joined(separator: ", "))")
        default:
            return fail(nil, "YAML syntax: \(error)")
        }
    }

    func mapping(_ node: Node?, _ what: String) throws -> Node.Mapping {
        guard let mapping = node?.mapping else { throw fail(node, "\(what) must be a mapping") }
        return mapping
    }

    func sequence(_ node: Node?, _ what: String) throws -> [Node] {
        guard let node else { throw fail(nil, "missing \(what)") }
        guard let sequence = node.sequence else { throw fail(node, "\(what) must be a list") }
        return Array(sequence)
    }

    func string(_ map: Node.Mapping, _ key: String, in owner: Node) throws -> String {
        guard let node = map[key] else { throw fail(owner, "missing key '\(key)'") }
        guard let text = node.scalar?.string, !text.isEmpty else { throw fail(node, "'\(key)' must be text") }
        return text
    }

    func optionalString(_ map: Node.Mapping, _ key: String) throws -> String? {
        guard let node = map[key] else { return nil }
        guard let text = node.scalar?.string else { throw fail(node, "'\(key)' must be text") }
        return text
    }

    func bool(_ map: Node.Mapping, _ key: String) throws -> Bool? {
        guard let node = map[key] else { return nil }
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default: throw fail(node, "'\(key)' must be true or false")
        }
    }

    func int(_ map: Node.Mapping, _ key: String) throws -> Int? {
        guard let node = map[key] else { return nil }
        guard let text = node.scalar?.string, let value = Int(text) else {
            throw fail(node, "'\(key)' must be a whole number")
        }
        return value
    }

    func strings(_ map: Node.Mapping, _ key: String) throws -> [String]? {
        guard let node = map[key] else { return nil }
        return try sequence(node, "'\(key)'").map { item in
            guard let text = item.scalar?.string, !text.isEmpty else { throw fail(item, "'\(key)' items must be text") }
            return text
        }
    }

    /// Rejects keys not in `allowed`, naming the first unknown one.
    func onlyKeys(_ map: Node.Mapping, _ allowed: Set<String>) throws {
        for (key, _) in map {
            let name = key.scalar?.string ?? ""
            if !allowed.contains(name) { throw fail(key, "unknown key '\(name)'") }
        }
    }
}
