/// Checks across all rules of a pack: duplicate ids or aliases, unknown meta references, meta cycles.
struct PackValidator {
    let rules: [PackRuleSpec]

    func problems() -> [PackProblem] {
        var problems: [PackProblem] = []
        var seen: [String: PackRuleSpec] = [:]
        for rule in rules {
            for name in [rule.description.id] + rule.description.aliases {
                if let first = seen[name] {
                    let firstPlace = "\(first.location.file):\(first.location.line ?? 0)"
                    problems.append(problem(.duplicateRule, rule, "id or alias '\(name)' is also used at \(firstPlace)"))
                } else {
                    seen[name] = rule
                }
            }
        }
        for rule in rules {
            for reference in rule.meta?.references ?? [] where seen[reference] == nil {
                problems.append(problem(.unknownRuleReference, rule, "meta refers to unknown rule '\(reference)'"))
            }
        }
        problems += cycleProblems(ids: seen)
        return problems
    }

    private func problem(_ code: PackProblem.Code, _ rule: PackRuleSpec, _ message: String) -> PackProblem {
        PackProblem(
            code, file: rule.location.file, line: rule.location.line, column: rule.location.column,
            rule: rule.description.id, message: message)
    }

    /// One problem per meta rule that takes part in a cycle.
    private func cycleProblems(ids: [String: PackRuleSpec]) -> [PackProblem] {
        var state: [String: Int] = [:]  // 1 = visiting, 2 = done
        var inCycle: Set<String> = []
        func visit(_ id: String, path: [String]) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                if let start = path.firstIndex(of: id) { inCycle.formUnion(path[start...]) }
                return
            }
            state[id] = 1
            for next in ids[id]?.meta?.references ?? [] { visit(ids[next]?.description.id ?? next, path: path + [id]) }
            state[id] = 2
        }
        for rule in rules where rule.meta != nil { visit(rule.description.id, path: []) }
        return rules.filter { inCycle.contains($0.description.id) }.map {
            problem(.metaCycle, $0, "meta rules refer to each other in a cycle")
        }
    }

    /// Meta rules in an order where every meta rule comes after the meta rules it refers to (acyclic input).
    static func metaOrder(_ rules: [PackRuleSpec]) -> [PackRuleSpec] {
        var byID: [String: PackRuleSpec] = [:]
        for rule in rules {
            for name in [rule.description.id] + rule.description.aliases { byID[name] = rule }
        }
        var done: Set<String> = []
        var order: [PackRuleSpec] = []
        func visit(_ rule: PackRuleSpec) {
            guard let meta = rule.meta, !done.contains(rule.description.id) else { return }
            done.insert(rule.description.id)
            for reference in meta.references { if let next = byID[reference] { visit(next) } }
            order.append(rule)
        }
        rules.forEach(visit)
        return order
    }
}
