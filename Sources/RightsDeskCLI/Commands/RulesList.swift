import ArgumentParser
import Foundation
import RuleKit

extension RightsDesk.Rules {
    /// `rightsdesk rules list`: every rule of every module with level, severity, score and state.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every rule.")

        @OptionGroup var options: RulesOptions
        @Flag(help: "Print JSON.") var json = false
        @Option(help: "Language of names: zh or en.") var lang = "zh"

        func run() async throws {
            let registry = try options.buildRegistry(try options.loadConfig())
            let out = StandardOutput()
            if json {
                var all: [[String: String]] = []
                for module in registry.modules {
                    for rule in module.rules {
                        all.append(["module": module.id, "id": rule.id, "name": rule.name.text(in: lang),
                                    "level": "\(rule.level)", "severity": rule.severity.rawValue,
                                    "score": "\(rule.score)", "kind": kind(rule),
                                    "enabled": "\(registry.isEnabled(module: module.id) && registry.settings.allows(rule))"])
                    }
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                out.line(String(decoding: try encoder.encode(all), as: UTF8.self))
            } else {
                for module in registry.modules {
                    for rule in module.rules {
                        let on = registry.isEnabled(module: module.id) && registry.settings.allows(rule) ? "on " : "off"
                        out.line("\(on)  L\(rule.level)  \(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                            + "\(String(rule.score).padding(toLength: 3, withPad: " ", startingAt: 0)) "
                            + "\(kind(rule).padding(toLength: 9, withPad: " ", startingAt: 0)) \(rule.id)  \(rule.name.text(in: lang))")
                    }
                }
            }
            out.flush()
        }

        private func kind(_ rule: RuleDescription) -> String {
            if rule.subrule { return "subrule" }
            if rule.incubator { return "incubator" }
            return rule.meta ? "meta" : "pattern"
        }
    }
}
