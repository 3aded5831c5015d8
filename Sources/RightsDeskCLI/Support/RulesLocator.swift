import Foundation
import PluginHost

/// Finds the rules directory when no flag or configuration names one.
enum RulesLocator {
    /// The rules directory for a command: `--rules`, else `RIGHTSDESK_RULES`, else `rules.directory` of the
    /// configuration file when it names one, else ``defaultDirectory()``.
    static func directory(flag: String?, configuration: RightsDeskConfig) -> String {
        if let flag { return flag }
        if ProcessInfo.processInfo.environment["RIGHTSDESK_RULES"] == nil, configuration.rulesDirectoryIsExplicit {
            return configuration.rulesDirectory
        }
        return defaultDirectory()
    }

    /// `RIGHTSDESK_RULES`, else `./rules` when it exists, else the `rules` folder of the checkout the binary was built
    /// in (found by walking up from the executable), so `.build/release/rightsdesk` works from any directory.
    static func defaultDirectory() -> String {
        if let env = ProcessInfo.processInfo.environment["RIGHTSDESK_RULES"] { return env }
        let fm = FileManager.default
        if fm.fileExists(atPath: "rules") { return "rules" }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("rules")
            if fm.fileExists(atPath: candidate.appendingPathComponent("sla.yaml").path) { return candidate.path }
            dir.deleteLastPathComponent()
        }
        return "rules"
    }
}
