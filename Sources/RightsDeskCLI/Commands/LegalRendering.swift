import CaseCore
import CaseEngine
import LegalReferral

/// Terminal rendering of the legal desk's outputs; unverified provisions always carry 未核实 / unverified.
enum LegalRendering {
    static func routes(_ report: LegalCaseReport, _ language: Language) -> String {
        let zh = language == .zh
        var out = ["\(report.number)  [\(Labels.kind(report.kind, language))] \(Labels.status(report.status, language))"
                   + "  \(Labels.priority(report.priority, language))  " + (zh ? "今天 " : "today ") + report.today.description]
        if report.advice.routes.isEmpty { out.append(zh ? "（未匹配到移送路径）" : "(no route matched)") }
        for (index, route) in report.advice.routes.enumerated() {
            out.append("")
            out.append("\(index + 1). " + (zh ? route.authority.name.zh : route.authority.name.en) + "  [\(route.id)]")
            for provision in route.provisions {
                out.append("   " + provision.law + " " + provision.article
                           + (provision.verified ? "" : (zh ? "（未核实）" : " (unverified)")))
            }
            out.append((zh ? "   理由：" : "   reason: ") + (zh ? route.reason.zh : route.reason.en))
            for clock in route.clocks { out.append("   " + ReferralSheet.clockLine(clock, zh: zh)) }
            for note in route.notes + route.clocks.flatMap(\.notes) { out.append("   * " + (zh ? note.zh : note.en)) }
        }
        for warning in report.advice.warnings { out.append("! " + (zh ? warning.zh : warning.en)) }
        if report.advice.routes.contains(where: \.hasUnverified) {
            out.append(zh ? LegalCaseReport.unverifiedNote.zh : LegalCaseReport.unverifiedNote.en)
        }
        return out.joined(separator: "\n")
    }

    static func queue(_ items: [LegalQueueItem], _ language: Language) -> String {
        let zh = language == .zh
        guard !items.isEmpty else { return zh ? "（队列为空）" : "(queue is empty)" }
        var table = TextTable(zh ? ["编号", "类型", "优先级", "移送至", "移送时间", "最近期限"]
                                 : ["number", "kind", "priority", "to", "referred", "nearest clock"])
        for item in items {
            table.add([item.number, Labels.kind(item.kind, language), Labels.priority(item.priority, language),
                       item.authority, Output.chinaTime(item.referredAt),
                       item.nearestClock.map { ReferralSheet.clockLine($0, zh: zh) } ?? "—"])
        }
        return table.render()
    }
}
