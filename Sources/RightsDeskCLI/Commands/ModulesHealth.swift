import ArgumentParser
import Foundation
import PluginHost
import LearnedScore
import RuleKit

extension RightsDesk.Modules {
    /// `rightsdesk modules health`: start external modules, handshake, ping, and report each module's state.
    struct Health: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start external modules, handshake and ping them, and report every module's health.",
            discussion: "Exit codes: 0 all healthy, 1 a module failed (its reason is printed).")

        @OptionGroup var options: RulesOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let config = try options.loadConfig()
            let registry: ModuleRegistry
            do {
                registry = try RegistryFactory.build(config: config, builtIns: BuiltInModules.all)
            } catch {
                print(error.description)
                throw ExitCode(1)
            }
            var reports: [[String: String]] = []
            var unhealthy = 0
            for module in registry.modules {
                var report = ["id": module.id, "kind": RightsDesk.Modules.kind(of: module), "version": module.version]
                if let external = module as? ExternalModule {
                    do {
                        let milliseconds = try external.host.ping()
                        report["status"] = "ok"
                        report["ping"] = String(format: "%.1f ms", milliseconds)
                    } catch {
                        report["status"] = "failed"
                        report["reason"] = error.description
                        unhealthy += 1
                    }
                    let health = external.host.health()
                    report["breaker"] = health.breaker
                    report["workers"] = "\(health.runningWorkers)/\(health.maxWorkers)"
                    external.host.shutdown()
                } else {
                    report["status"] = "ok"
                    report["ping"] = "in process"
                }
                reports.append(report)
            }
            // The learned model the configuration names is a module too: a refused file is a failure here, where
            // a scan would only note it and go on with the rules.
            if let (path, result) = ModelLoading.configuredModel(config) {
                var report = ["id": LearnedScore.moduleID, "kind": "model", "path": path]
                switch result {
                case .success(let model):
                    report["version"] = LearnedScore(model: model, thresholds: config.thresholds).version
                    report["status"] = "ok"
                    report["ping"] = "in process"
                case .failure(let error):
                    report["version"] = "?"
                    report["status"] = "failed"
                    report["reason"] = error.description
                    unhealthy += 1
                }
                reports.append(report)
            }
            print(json ? try encode(reports) : reports.map(line).joined(separator: "\n"))
            if unhealthy > 0 { throw ExitCode(1) }
        }

        private func line(_ report: [String: String]) -> String {
            var text = "\(report["status"] ?? "?")  \(report["id"] ?? "") (\(report["kind"] ?? ""), \(report["version"] ?? ""))"
            if let ping = report["ping"] { text += "  ping \(ping)" }
            if let breaker = report["breaker"] { text += "  breaker \(breaker), workers \(report["workers"] ?? "")" }
            if let reason = report["reason"] { text += "\n    \(reason)" }
            return text
        }

        private func encode(_ reports: [[String: String]]) throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(reports), as: UTF8.self)
        }
    }
}
