import CaseCore
import Foundation

/// What the case engine needs from configuration.
public struct CaseEngineSettings: Sendable {
    /// Prefix of case numbers (`WC` → `WC-2026-000123`).
    public var numberPrefix: String
    public var sla: SLAPolicy
    public var calendar: HolidayCalendar

    public init(numberPrefix: String = "WC", sla: SLAPolicy, calendar: HolidayCalendar) {
        self.numberPrefix = numberPrefix
        self.sla = sla
        self.calendar = calendar
    }

    /// Loads `sla.yaml` and every `calendar/*.yaml` from a rules directory.
    ///
    /// - Throws: `EngineError.configuration` naming the file and line of the problem.
    public static func load(rulesDirectory: String, numberPrefix: String = "WC") throws(EngineError) -> CaseEngineSettings {
        let sla: SLAPolicy
        let calendar: HolidayCalendar
        do {
            let root = URL(fileURLWithPath: rulesDirectory)
            sla = try SLAPolicyLoader.load(contentsOf: root.appendingPathComponent("sla.yaml"))
            calendar = try HolidayCalendarLoader.loadDirectory(root.appendingPathComponent("calendar"))
        } catch {
            throw .configuration(String(describing: error))
        }
        guard numberPrefix.range(of: "^[A-Z][A-Z0-9]{0,7}$", options: .regularExpression) != nil else {
            throw .configuration("numberPrefix must be 1–8 upper-case letters or digits, starting with a letter")
        }
        return CaseEngineSettings(numberPrefix: numberPrefix, sla: sla, calendar: calendar)
    }
}
