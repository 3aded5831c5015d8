/// Which sub-rules a restricted module runs only when a meta rule that uses them could still hold.
///
/// A sub-rule is never reported; its hit matters only to the meta rules that refer to it, and a meta rule holds
/// only if every rule in its `all` list hits. So a sub-rule S can wait for a second pass when, for each meta rule M
/// referring to S (in any clause), some other pattern rule of M's `all` list runs in the first pass: if none of
/// those *gates* hit in full, no meta rule can use S's hit and S's patterns need not run. Findings are identical.
///
/// The plan defers the sub-rules whose patterns the prefilter expects to run most often first (by estimated
/// cost), and never defers a rule another deferred rule relies on as its gate.
struct SubruleDeferral: Sendable {
    /// Per rule: whether its patterns wait for the second pass.
    let deferred: [Bool]
    /// Per rule: alternative gates; the deferred rule runs if every rule of one gate hit in the first pass.
    let gates: [[[Int]]]
    /// ``opened(by:)`` when nothing hit in the first pass (most subjects), worked out once.
    private let openedWithoutHits: [Bool]

    init(deferred: [Bool], gates: [[[Int]]]) {
        self.deferred = deferred
        self.gates = gates
        openedWithoutHits = deferred.indices.map { rule in deferred[rule] && gates[rule].contains { $0.isEmpty } }
    }

    /// No deferral: every rule runs in the first pass.
    static func none(ruleCount: Int) -> SubruleDeferral {
        SubruleDeferral(deferred: Array(repeating: false, count: ruleCount), gates: Array(repeating: [], count: ruleCount))
    }

    /// Plans deferral over the active rules.
    ///
    /// - Parameters:
    ///   - specs: all rules of the pack.
    ///   - active: which rules are evaluated.
    ///   - index: rule id or alias → rule index.
    ///   - cost: estimated cost of running a rule's patterns (higher is deferred first).
    static func plan(
        _ specs: [PackRuleSpec], active: [Bool], index: [String: Int], cost: (Int) -> Double
    ) -> SubruleDeferral {
        var users = Array(repeating: [Int](), count: specs.count)
        for (rule, spec) in specs.enumerated() where active[rule] {
            for name in Set(spec.meta?.references ?? []) {
                if let other = index[name] { users[other].append(rule) }
            }
        }
        func isPatternRule(_ rule: Int) -> Bool { active[rule] && specs[rule].meta == nil && !specs[rule].patterns.isEmpty }
        var deferred = Array(repeating: false, count: specs.count)
        var locked = Array(repeating: false, count: specs.count)
        var gates = Array(repeating: [[Int]](), count: specs.count)
        let candidates = specs.indices.filter { rule in
            isPatternRule(rule) && specs[rule].description.subrule && !users[rule].isEmpty
        }
        for rule in candidates.sorted(by: { (cost($0), $1) > (cost($1), $0) }) where !locked[rule] {
            var ruleGates: [[Int]] = []
            for user in users[rule] {
                let members = (specs[user].meta?.all ?? []).compactMap { index[$0] }
                let gate = members.filter { $0 != rule && isPatternRule($0) && !deferred[$0] }
                guard !gate.isEmpty else { break }
                ruleGates.append(gate)
            }
            guard ruleGates.count == users[rule].count else { continue }
            deferred[rule] = true
            gates[rule] = ruleGates
            for gate in ruleGates { for member in gate { locked[member] = true } }
        }
        return SubruleDeferral(deferred: deferred, gates: gates)
    }

    /// Whether any rule is deferred.
    var isEmpty: Bool { !deferred.contains(true) }

    /// Deferred rules whose patterns must run, given the first pass's hits.
    func opened(by hits: [Bool]) -> [Bool] {
        // With no hit, only an empty gate (`allSatisfy` of nothing) opens a rule.
        guard hits.contains(true) else { return openedWithoutHits }
        return deferred.indices.map { rule in
            deferred[rule] && gates[rule].contains { gate in gate.allSatisfy { hits[$0] } }
        }
    }
}
