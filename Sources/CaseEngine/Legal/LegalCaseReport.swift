import CaseCore
import Foundation
import LegalReferral
import RuleKit

/// The legal desk's view of one case: its routes with provisions (each with `verified`), reasons, clocks and notes.
///
/// JSON keys: `caseId`, `number`, `kind`, `status`, `priority`, `today`, `routes`, `finalAward`, `raisePriority`,
/// `warnings`, `unverifiedNote`.
public struct LegalCaseReport: Sendable, Equatable, Encodable {
    public var caseId: Int64
    public var number: String
    public var kind: CaseKind
    public var status: CaseStatus
    public var priority: Priority
    public var today: CalendarDay
    public var advice: LegalAdvice

    /// Explains 未核实 / unverified; shown whenever a route cites an unverified provision.
    public static let unverifiedNote = LocalizedText(
        zh: "标注“未核实”的条文系凭记忆整理，尚未与官方文本核对，引用前请先查证（国家法律法规数据库 flk.npc.gov.cn）。",
        en: "Provisions marked unverified were recalled, not checked against an official text; check them (flk.npc.gov.cn) before citing.")

    enum CodingKeys: String, CodingKey {
        case caseId, number, kind, status, priority, today, routes, finalAward, raisePriority, warnings, unverifiedNote
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(caseId, forKey: .caseId)
        try c.encode(number, forKey: .number)
        try c.encode(kind, forKey: .kind)
        try c.encode(status, forKey: .status)
        try c.encode(priority, forKey: .priority)
        try c.encode(today, forKey: .today)
        try c.encode(advice.routes, forKey: .routes)
        try c.encodeIfPresent(advice.finalAward, forKey: .finalAward)
        try c.encode(advice.raisePriority, forKey: .raisePriority)
        try c.encode(advice.warnings, forKey: .warnings)
        if advice.routes.contains(where: \.hasUnverified) { try c.encode(Self.unverifiedNote, forKey: .unverifiedNote) }
    }
}

/// One line of the legal desk's queue: a case referred to the legal desk or legal aid, with its nearest clock.
public struct LegalQueueItem: Sendable, Equatable, Encodable {
    public var caseId: Int64
    public var number: String
    public var kind: CaseKind
    public var priority: Priority
    /// `legalDesk` or `legalAid`.
    public var authority: String
    public var referredAt: Date
    /// The running clock with the fewest days left across the case's routes, if any.
    public var nearestClock: LegalClock?
}
