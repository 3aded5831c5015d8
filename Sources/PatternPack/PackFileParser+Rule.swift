import RuleKit
import Yams

extension PackFileParser {
    /// One rule entry; nil when it is too broken to use (problems are recorded).
    mutating func parseRule(_ node: Node) -> PackRuleSpec? {
        guard let entries = reader.mapping(node, allowed: Self.ruleKeys, what: "a rule") else { return nil }
        guard let id = reader.string(entries["id"], key: "id"), !id.isEmpty else {
            reader.report(.missingKey, at: node, "rule without 'id'")
            return nil
        }
        let subrule = reader.bool(entries["subrule"], key: "subrule", rule: id) ?? false
        let severity = parseSeverity(entries["severity"], rule: id, required: !subrule)
        let score = reader.int(entries["score"], key: "score", rule: id)
        if score == nil && entries["score"] == nil && !subrule {
            reader.report(.missingKey, at: node, rule: id, "missing 'score'")
        }
        let level = reader.int(entries["level"], key: "level", rule: id) ?? 1
        if !(1...3).contains(level) { reader.report(.badValue, at: entries["level"], rule: id, "level must be 1, 2 or 3") }
        let name = parseText(entries["name"], key: "name", rule: id, required: !subrule)
        let message = parseText(entries["message"], key: "message", rule: id, required: !subrule)
        let (patterns, raw) = parsePatterns(entries["patterns"], key: "patterns", rule: id, first: 0)
        let (excludes, _) = parsePatterns(entries["exclude"], key: "exclude", rule: id, first: raw.count)
        let meta = entries["meta"].flatMap { parseMeta($0, rule: id) }
        if meta == nil && entries["patterns"] == nil {
            reader.report(.missingKey, at: node, rule: id, "a rule needs 'patterns' or 'meta'")
        }
        if meta != nil && entries["patterns"] != nil {
            reader.report(.badValue, at: entries["patterns"], rule: id, "a meta rule has no patterns of its own")
        }
        let examples = parseExamples(entries["examples"], at: node, rule: id)
        let description = RuleDescription(
            id: id, aliases: reader.strings(entries["aliases"], key: "aliases", rule: id) ?? [],
            name: name ?? LocalizedText(zh: id, en: id), severity: severity ?? .info, score: subrule ? 0 : (score ?? 0),
            level: level, subrule: subrule, incubator: reader.bool(entries["incubator"], key: "incubator", rule: id) ?? false,
            meta: meta != nil, references: reader.strings(entries["references"], key: "references", rule: id) ?? [],
            fields: reader.strings(entries["fields"], key: "fields", rule: id) ?? [], examples: examples)
        return PackRuleSpec(
            description: description, message: message ?? description.name, patterns: patterns, excludes: excludes,
            rawPatterns: raw, meta: meta,
            location: SourceLocation(file: reader.file, line: node.mark?.line, column: node.mark?.column))
    }

    private mutating func parseSeverity(_ node: Node?, rule: String, required: Bool) -> Severity? {
        guard let node else {
            if required { reader.report(.missingKey, at: nil, rule: rule, "missing 'severity'") }
            return nil
        }
        guard let text = reader.string(node, key: "severity", rule: rule) else { return nil }
        guard let severity = Severity(rawValue: text) else {
            reader.report(.badValue, at: node, rule: rule, "severity '\(text)' is not info, low, medium, high or critical")
            return nil
        }
        return severity
    }

    private mutating func parseText(_ node: Node?, key: String, rule: String, required: Bool) -> LocalizedText? {
        guard let node else {
            if required { reader.report(.missingKey, at: nil, rule: rule, "missing '\(key)' ({zh: …, en: …})") }
            return nil
        }
        guard let entries = reader.mapping(node, allowed: ["zh", "en"], what: "'\(key)'", rule: rule) else { return nil }
        let zh = reader.string(entries["zh"], key: "\(key).zh", rule: rule)
        let en = reader.string(entries["en"], key: "\(key).en", rule: rule)
        if zh == nil || en == nil { reader.report(.missingKey, at: node, rule: rule, "'\(key)' needs both zh and en") }
        return LocalizedText(zh: zh ?? en ?? rule, en: en ?? zh ?? rule)
    }

    /// Expanded and raw patterns; unknown macros are reported with the pattern's place.
    private mutating func parsePatterns(_ node: Node?, key: String, rule: String, first: Int)
        -> (expanded: [String], raw: [String])
    {
        var expanded: [String] = []
        var raw: [String] = []
        for (index, item) in reader.items(node, key: key, rule: rule).enumerated() {
            guard let text = reader.string(item, key: key, rule: rule) else { continue }
            raw.append(text)
            do {
                expanded.append(try expander.expand(text))
            } catch {
                reader.report(.unknownMacro, at: item, rule: rule, patternIndex: first + index, error.message)
                expanded.append("")
            }
        }
        return (expanded, raw)
    }

    private mutating func parseMeta(_ node: Node, rule: String) -> MetaSpec? {
        guard let entries = reader.mapping(node, allowed: ["all", "any", "none", "atLeast"], what: "meta", rule: rule)
        else { return nil }
        var meta = MetaSpec()
        meta.all = reader.strings(entries["all"], key: "meta.all", rule: rule) ?? []
        meta.any = reader.strings(entries["any"], key: "meta.any", rule: rule) ?? []
        meta.none = reader.strings(entries["none"], key: "meta.none", rule: rule) ?? []
        if let atLeastNode = entries["atLeast"],
           let clause = reader.mapping(atLeastNode, allowed: ["n", "of"], what: "meta.atLeast", rule: rule)
        {
            let n = reader.int(clause["n"], key: "atLeast.n", rule: rule) ?? 1
            let of = reader.strings(clause["of"], key: "atLeast.of", rule: rule) ?? []
            if n < 1 || n > of.count {
                reader.report(.badValue, at: atLeastNode, rule: rule, "atLeast.n must be between 1 and the size of 'of'")
            }
            meta.atLeast = MetaSpec.AtLeast(n: n, of: of)
        }
        if meta.positiveReferences.isEmpty {
            reader.report(.badValue, at: node, rule: rule, "meta needs at least one of all, any or atLeast")
        }
        return meta
    }

    private mutating func parseExamples(_ node: Node?, at ruleNode: Node, rule: String) -> RuleExamples {
        guard let node else {
            reader.report(.missingExamples, at: ruleNode, rule: rule, "missing 'examples' (trigger and ignore)")
            return RuleExamples()
        }
        guard let entries = reader.mapping(node, allowed: ["trigger", "ignore"], what: "examples", rule: rule) else {
            return RuleExamples()
        }
        return RuleExamples(
            trigger: reader.strings(entries["trigger"], key: "examples.trigger", rule: rule) ?? [],
            ignore: reader.strings(entries["ignore"], key: "examples.ignore", rule: rule) ?? [])
    }
}
