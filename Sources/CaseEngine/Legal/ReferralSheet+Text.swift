import CaseCore
import LegalReferral

extension ReferralSheet {
    /// The sheet as plain text for a terminal or a text printer.
    public func text(_ language: Language) -> String {
        let zh = language == .zh
        let r = view.record
        var out: [String] = []
        out.append(zh ? "法律服务移送单 — \(site)" : "Legal referral sheet — \(site)")
        out.append((zh ? "案件编号：" : "case: ") + r.number + "  " + Labels.kind(r.kind, language)
                   + "  " + Labels.status(r.status, language) + "  " + Labels.priority(r.priority, language))
        out.append((zh ? "打印日期：" : "printed: ") + printedOn.description
                   + (view.masked ? (zh ? "（个人信息已脱敏）" : " (personal data masked)") : ""))
        for party in r.parties {
            let role = party.role == .complainant ? (zh ? "申请人" : "complainant") : (zh ? "被申请人" : "respondent")
            let contact = [party.phone, party.idNumber].compactMap { $0 }.joined(separator: " ")
            out.append(role + (zh ? "：" : ": ") + party.name + (contact.isEmpty ? "" : " \(contact)"))
        }
        out += Self.factLines(r.facts, zh: zh)
        if !view.masked { out.append((zh ? "案情：" : "narrative: ") + r.narrative) }
        for (index, route) in report.advice.routes.enumerated() {
            out.append("")
            out.append("\(index + 1). " + (zh ? route.authority.name.zh : route.authority.name.en))
            out.append((zh ? "   依据：" : "   basis: ") + route.provisions.map { provision in
                "\(provision.law) \(provision.article)" + (provision.verified ? "" : (zh ? "（未核实）" : " (unverified)"))
            }.joined(separator: zh ? "；" : "; "))
            out.append((zh ? "   理由：" : "   reason: ") + (zh ? route.reason.zh : route.reason.en))
            for clock in route.clocks { out.append("   " + Self.clockLine(clock, zh: zh)) }
            for note in route.notes { out.append("   * " + (zh ? note.zh : note.en)) }
        }
        if report.advice.routes.isEmpty { out.append(zh ? "（未匹配到移送路径）" : "(no route matched)") }
        for warning in report.advice.warnings { out.append("! " + (zh ? warning.zh : warning.en)) }
        for event in deskEvents {
            out.append(Labels.event(event.name, language) + " " + CalendarDay(event.at).description
                       + (zh ? "：" : ": ") + (event.text ?? ""))
        }
        if report.advice.routes.contains(where: \.hasUnverified) {
            out.append("")
            out.append(zh ? LegalCaseReport.unverifiedNote.zh : LegalCaseReport.unverifiedNote.en)
        }
        return out.joined(separator: "\n")
    }
}
