import CaseCore
import Foundation
import LegalReferral
import RuleKit

/// A printable referral sheet (移送/转介单): the case, its routes with basis and clocks, and the desk's advice and
/// outcome. Personal data is masked unless the sheet was made with `full`.
public struct ReferralSheet: Sendable, Equatable {
    public var site: String
    public var view: CaseView
    public var report: LegalCaseReport
    /// `advise` and `outcome` events, oldest first.
    public var deskEvents: [CaseEvent]
    public var printedOn: CalendarDay

    /// Creates a sheet.
    public init(site: String, view: CaseView, report: LegalCaseReport, deskEvents: [CaseEvent], printedOn: CalendarDay) {
        self.site = site
        self.view = view
        self.report = report
        self.deskEvents = deskEvents
        self.printedOn = printedOn
    }

    /// One line describing a clock: `仲裁时效：最后一日 2026-10-03（剩余 3 天，紧急；遇节假日顺延至 2026-10-08）`.
    public static func clockLine(_ clock: LegalClock, zh: Bool) -> String {
        let name = LegalText.clockName(clock.kind)
        let level = LegalText.levelName(clock.level)
        var parts: [String] = []
        if let last = clock.lastDay {
            parts.append(zh ? "最后一日 \(last)" : "last day \(last)")
        }
        if let left = clock.daysLeft { parts.append(zh ? "剩余 \(left) 天" : "\(left) days left") }
        parts.append(zh ? level.zh : level.en)
        if let next = clock.nextWorkingDay {
            parts.append(zh ? "若适用节假日顺延则至 \(next)（未核实）" : "next working day \(next) if the holiday rule applies (unverified)")
        }
        return (zh ? name.zh + "：" : name.en + ": ") + parts.joined(separator: zh ? "，" : ", ")
    }

    /// Lines describing the case's facts, without personal data.
    static func factLines(_ facts: CaseFacts, zh: Bool) -> [String] {
        var lines: [String] = []
        func add(_ zhLabel: String, _ enLabel: String, _ value: String?) {
            if let value { lines.append((zh ? zhLabel + "：" : enLabel + ": ") + value) }
        }
        add("入职日期", "employment start", facts.employmentStart?.description)
        add("离职日期", "employment end", facts.employmentEnd?.description)
        add("知道权利被侵害日期", "learned of infringement", facts.learnedOfInfringement?.description)
        add("主张金额（元）", "amount claimed (yuan)", facts.amountClaimed?.description)
        add("涉及人数", "workers affected", facts.workersAffected.map(String.init))
        add("书面劳动合同", "written contract",
            facts.hasWrittenContract.map { $0 ? (zh ? "有" : "yes") : (zh ? "无" : "no") })
        add("劳动者类别", "worker category", facts.workerCategory)
        return lines
    }
}
