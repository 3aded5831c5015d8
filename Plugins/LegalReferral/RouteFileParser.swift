import CaseCore
import Yams

/// Parses `routes.yaml`, checking authorities, clocks, kinds and provision ids against what exists.
struct RouteFileParser {
    let reader: YAMLNodeReader
    let provisionIds: Set<String>

    func parse(_ text: String) throws -> [RouteRule] {
        let root = try reader.compose(text)
        let top = try reader.mapping(root, "the file")
        var seen = Set<String>()
        return try reader.sequence(top["routes"], "'routes'").map { node in
            let route = try parseRoute(node)
            guard seen.insert(route.id).inserted else { throw reader.fail(node, "duplicate route id '\(route.id)'") }
            return route
        }
    }

    private func parseRoute(_ node: Node) throws -> RouteRule {
        let map = try reader.mapping(node, "a route")
        try reader.onlyKeys(map, ["id", "authority", "provisions", "clocks", "continuing", "when",
                                  "hardshipExemptWhen", "reason", "examples", "rank", "preferFor"])
        let id = try reader.string(map, "id", in: node)
        let authorityText = try reader.string(map, "authority", in: node)
        guard let authority = Authority(rawValue: authorityText) else {
            throw reader.fail(map["authority"], "route '\(id)': unknown authority '\(authorityText)'")
        }
        let provisions = try reader.strings(map, "provisions") ?? []
        if provisions.isEmpty { throw reader.fail(node, "route '\(id)': no provisions") }
        for provision in provisions where !provisionIds.contains(provision) {
            throw reader.fail(map["provisions"], "route '\(id)': unknown provision id '\(provision)'")
        }
        let clocks = try (reader.strings(map, "clocks") ?? []).map { text in
            guard let clock = ClockKind(rawValue: text) else {
                throw reader.fail(map["clocks"], "route '\(id)': unknown clock '\(text)'")
            }
            return clock
        }
        let when = try reader.sequence(map["when"], "route '\(id)': 'when'").map { try condition($0, route: id) }
        if when.isEmpty { throw reader.fail(node, "route '\(id)': 'when' is empty") }
        let exempt = try map["hardshipExemptWhen"].map { node in
            try reader.sequence(node, "route '\(id)': 'hardshipExemptWhen'").map { try condition($0, route: id) }
        } ?? []
        var trigger: [String] = []
        var ignore: [String] = []
        if let examplesNode = map["examples"] {
            let examples = try reader.mapping(examplesNode, "route '\(id)': 'examples'")
            try reader.onlyKeys(examples, ["trigger", "ignore"])
            trigger = try reader.strings(examples, "trigger") ?? []
            ignore = try reader.strings(examples, "ignore") ?? []
        }
        let reasonNode = map["reason"]
        let reason = try reader.mapping(reasonNode, "route '\(id)': 'reason'")
        return RouteRule(id: id, authority: authority, provisions: provisions, clocks: clocks,
                         continuing: try reader.bool(map, "continuing") ?? false, when: when,
                         hardshipExemptWhen: exempt,
                         reasonZh: try reader.string(reason, "zh", in: reasonNode ?? node),
                         reasonEn: try reader.string(reason, "en", in: reasonNode ?? node),
                         rank: try reader.int(map, "rank") ?? 50, preferFor: try kindList(map, "preferFor", route: id),
                         examplesTrigger: trigger, examplesIgnore: ignore)
    }

    private func kindList(_ map: Node.Mapping, _ key: String, route: String) throws -> [String] {
        let kinds = try reader.strings(map, key) ?? []
        for kind in kinds where CaseKind(rawValue: kind) == nil {
            throw reader.fail(map[key], "route '\(route)': unknown case kind '\(kind)'")
        }
        return kinds
    }

    private func condition(_ node: Node, route: String) throws -> RouteCondition {
        let map = try reader.mapping(node, "route '\(route)': a 'when' entry")
        try reader.onlyKeys(map, ["kinds", "tags", "andTags", "findings", "narrative", "andNarrative", "writtenContract", "employed",
                                  "workerCategories", "amountAtLeast", "workersAtLeast"])
        let kinds = map["kinds"] == nil ? nil : try kindList(map, "kinds", route: route)
        var amount: Fen?
        if let text = try reader.optionalString(map, "amountAtLeast") {
            guard let fen = Fen(yuan: text) else {
                throw reader.fail(map["amountAtLeast"], "route '\(route)': amountAtLeast must be a yuan amount")
            }
            amount = fen
        }
        let result = RouteCondition(
            kinds: kinds, tags: try reader.strings(map, "tags"), andTags: try reader.strings(map, "andTags"),
            findings: try reader.strings(map, "findings"), narrative: try reader.strings(map, "narrative"),
            andNarrative: try reader.strings(map, "andNarrative"), writtenContract: try reader.bool(map, "writtenContract"),
            employed: try reader.bool(map, "employed"), workerCategories: try reader.strings(map, "workerCategories"),
            amountAtLeast: amount, workersAtLeast: try reader.int(map, "workersAtLeast"))
        if result == RouteCondition() { throw reader.fail(node, "route '\(route)': empty 'when' entry") }
        return result
    }
}
