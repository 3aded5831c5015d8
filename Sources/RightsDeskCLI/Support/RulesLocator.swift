import Foundation

/// Finds the rules directory when no flag or configuration names one.
enum RulesLocator {
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
