import ArgumentParser
import Foundation
import PluginHost
import LearnedScore
import RuleKit

extension RightsDesk.Modules {
    /// `rightsdesk modules list`: every module with its kind, version, subjects and rule count.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every module: built-in, data pack and external (external ones are started).")

        @OptionGroup var options: RulesOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let config = try options.loadConfig()
            let registry = try options.buildRegistry(config)
            let out = StandardOutput()
            var rows: [[String: String]] = []
            for module in registry.modules {
                rows.append([
                    "id": module.id, "kind": RightsDesk.Modules.kind(of: module), "version": module.version,
                    "subjects": module.subjects.map(\.rawValue).sorted().joined(separator: ","),
                    "rules": "\(module.rules.count)", "enabled": "\(registry.isEnabled(module: module.id))",
                ])
            }
            // The learned model the configuration names (scans load it beside the modules above).
            if let (path, result) = ModelLoading.configuredModel(config) {
                switch result {
                case .success(let model):
                    let module = LearnedScore(model: model, thresholds: config.thresholds)
                    rows.append([
                        "id": module.id, "kind": "model", "version": module.version,
                        "subjects": module.subjects.map(\.rawValue).sorted().joined(separator: ","),
                        "rules": "\(module.rules.count)", "enabled": "true", "path": path,
                    ])
                case .failure(let error):
                    StandardError.write("learned model not used by scans (see modules health): \(error)")
                    rows.append([
                        "id": LearnedScore.moduleID, "kind": "model", "version": "?", "subjects": SubjectKind.jobPosting.rawValue,
                        "rules": "1", "enabled": "false", "path": path,
                    ])
                }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                out.line(String(decoding: try encoder.encode(rows), as: UTF8.self))
            } else {
                for row in rows {
                    let on = row["enabled"] == "true" ? "on " : "off"
                    out.line("\(on)  \(pad(row["kind"], 9)) \(pad(row["id"], 20)) \(pad(row["version"], 10)) "
                        + "\(pad((row["rules"] ?? "") + " rules", 9)) \(row["subjects"] ?? "")")
                }
            }
            out.flush()
        }

        private func pad(_ text: String?, _ width: Int) -> String {
            (text ?? "").padding(toLength: max(width, (text ?? "").count), withPad: " ", startingAt: 0)
        }
    }
}
