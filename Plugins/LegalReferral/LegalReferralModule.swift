import CaseCore
import Foundation
import RuleKit

/// The legal-referral rule module: one rule per route in `rules/legal/routes.yaml`, plus `legal.deadline_near`.
///
/// Evaluates `caseIntake` and `caseUpdate` subjects built by ``LegalSubject``. Each fired route gives a finding whose
/// action is `.refer(authority:basis:deadlineDays:)` (basis marks unverified provisions 未核实; deadlineDays is the
/// nearest running clock's days left). `legal.deadline_near` fires when a worker's clock is at the warning or urgent
/// level and tells the engine to raise the case's priority to urgent. Findings score 0: they route, they do not judge
/// fraud.
public struct LegalReferralModule: RuleModule {
    public let id = "legal"
    public let version: String
    public let subjects: Set<SubjectKind> = [.caseIntake, .caseUpdate]
    public let rules: [RuleDescription]
    public let advisor: LegalAdvisor

    /// The rule id of the near-deadline finding.
    public static let deadlineRule = "legal.deadline_near"

    /// Creates the module over loaded data and the site's holiday calendar.
    public init(data: LegalData, calendar: HolidayCalendar, version: String = "1") {
        self.version = version
        self.advisor = LegalAdvisor(data: data, calendar: calendar)
        self.rules = Self.describe(data)
    }

    /// Loads `provisions.yaml`, `routes.yaml` and `site.yaml` from `directory` (normally `rules/legal`).
    ///
    /// - Throws: ``LegalDataError`` naming the file and line.
    public init(directory: URL, calendar: HolidayCalendar) throws {
        self.init(data: try LegalDataLoader.load(directory: directory), calendar: calendar)
    }

    /// Routes, then the near-deadline finding when it applies.
    public func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        let input = LegalSubject.read(subject)
        let advice = advisor.advise(input.legalCase, today: input.today)
        var findings = advice.routes.map(finding(for:))
        if advice.raisePriority {
            let urgent = advice.routes.flatMap(\.clocks).contains { $0.kind.isWorkerDeadline && $0.level == .urgent }
            findings.append(Finding(
                module: id, rule: Self.deadlineRule, severity: urgent ? .critical : .high, score: 0,
                message: LocalizedText(zh: advice.warnings.map(\.zh).joined(separator: "；"),
                                       en: advice.warnings.map(\.en).joined(separator: "; "))))
        }
        return findings
    }

    private func finding(for route: Route) -> Finding {
        let worst = route.clocks.filter(\.kind.isWorkerDeadline).map(\.level).max() ?? .ok
        let severity: Severity = switch worst {
        case .urgent: .high
        case .warning: .medium
        case .ok, .expired, .notRunning, .unknown: .info
        }
        return Finding(module: id, rule: route.id, severity: severity, score: 0, message: route.reason,
                       actions: [.refer(authority: route.authority.rawValue, basis: route.basis,
                                        deadlineDays: route.nearestClock?.daysLeft)],
                       references: route.provisions.map(\.citation))
    }
}
