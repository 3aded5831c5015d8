import ArgumentParser
import FakeJobDetection
import PatternPack
import RuleKit

extension RightsDesk.Rules {
    /// `rightsdesk rules show ID`: one rule in full (patterns, meta, examples, references, place).
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one rule by id or alias.")

        @OptionGroup var options: RulesOptions
        @Argument(help: "Rule id or alias.") var id: String

        func run() async throws {
            let registry = try options.buildRegistry(try options.loadConfig())
            guard let (moduleID, rule) = registry.rule(named: id) else {
                StandardError.write("no rule '\(id)'")
                throw ExitCode(1)
            }
            let out = StandardOutput()
            out.line("\(rule.id)  (module \(moduleID))")
            if !rule.aliases.isEmpty { out.line("aliases:    \(rule.aliases.joined(separator: ", "))") }
            out.line("name:       \(rule.name.zh) / \(rule.name.en)")
            out.line("severity:   \(rule.severity.rawValue), score \(rule.score), level \(rule.level)"
                + (rule.subrule ? ", sub-rule" : "") + (rule.incubator ? ", incubator" : ""))
            if !rule.fields.isEmpty { out.line("fields:     \(rule.fields.joined(separator: ", "))") }
            if let spec = spec(of: rule.id, in: registry.modules.first { $0.id == moduleID }) {
                if let place = spec.location.line { out.line("defined at: \(spec.location.file):\(place)") }
                for pattern in spec.rawPatterns { out.line("pattern:    \(pattern)") }
                if let meta = spec.meta {
                    if !meta.all.isEmpty { out.line("all of:     \(meta.all.joined(separator: ", "))") }
                    if !meta.any.isEmpty { out.line("any of:     \(meta.any.joined(separator: ", "))") }
                    if !meta.none.isEmpty { out.line("none of:    \(meta.none.joined(separator: ", "))") }
                    if let atLeast = meta.atLeast { out.line("at least \(atLeast.n) of: \(atLeast.of.joined(separator: ", "))") }
                }
                out.line("message:    \(spec.message.zh) / \(spec.message.en)")
            }
            if !rule.references.isEmpty { out.line("references: \(rule.references.joined(separator: "; "))") }
            for example in rule.examples.trigger { out.line("trigger:    \(example)") }
            for example in rule.examples.ignore { out.line("ignore:     \(example)") }
            out.flush()
        }

        private func spec(of id: String, in module: (any RuleModule)?) -> PackRuleSpec? {
            let pack = (module as? PatternPackModule) ?? (module as? FakeJobDetection)?.pack
            return pack?.specs.first { $0.description.id == id }
        }
    }
}
