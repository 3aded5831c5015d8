import CaseCore
import Foundation
import LegalReferral

extension ReferralSheet {
    /// The sheet as a standalone printable HTML page; every value is escaped.
    public func html(_ language: Language) -> String {
        let zh = language == .zh
        let r = view.record
        let e = Self.escape
        var body: [String] = []
        body.append("<h1>\(e(zh ? "法律服务移送单" : "Legal referral sheet")) — \(e(site))</h1>")
        body.append("<p class=\"meta\">\(e(r.number)) · \(e(Labels.kind(r.kind, language))) · "
                    + "\(e(Labels.status(r.status, language))) · \(e(Labels.priority(r.priority, language))) · "
                    + "\(e(printedOn.description))"
                    + (view.masked ? " · \(e(zh ? "个人信息已脱敏" : "personal data masked"))" : "") + "</p>")
        var facts = r.parties.map { party in
            let role = party.role == .complainant ? (zh ? "申请人" : "complainant") : (zh ? "被申请人" : "respondent")
            let contact = [party.phone, party.idNumber].compactMap { $0 }.joined(separator: " ")
            return "<li>\(e(role))：\(e(party.name)) \(e(contact))</li>"
        }
        facts += Self.factLines(r.facts, zh: zh).map { "<li>\(e($0))</li>" }
        if !view.masked { facts.append("<li>\(e(zh ? "案情" : "narrative"))：\(e(r.narrative))</li>") }
        body.append("<ul class=\"facts\">\(facts.joined())</ul>")
        for route in report.advice.routes { body.append(routeHTML(route, zh: zh)) }
        if report.advice.routes.isEmpty { body.append("<p>\(e(zh ? "未匹配到移送路径" : "No route matched"))</p>") }
        for warning in report.advice.warnings { body.append("<p class=\"warning\">\(e(zh ? warning.zh : warning.en))</p>") }
        if !deskEvents.isEmpty {
            body.append("<ul class=\"desk\">" + deskEvents.map { event in
                "<li>\(e(Labels.event(event.name, language))) \(e(CalendarDay(event.at).description))：\(e(event.text ?? ""))</li>"
            }.joined() + "</ul>")
        }
        if report.advice.routes.contains(where: \.hasUnverified) {
            body.append("<p class=\"note\">\(e(zh ? LegalCaseReport.unverifiedNote.zh : LegalCaseReport.unverifiedNote.en))</p>")
        }
        return """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(e(r.number))</title>
            <style>body{font-family:sans-serif;max-width:48em;margin:2em auto}.unverified{color:#b00}\
            .warning{font-weight:bold;color:#b00}section{border-top:1px solid #999;margin-top:1em}\
            @media print{body{margin:0}}</style></head>
            <body>
            \(body.joined(separator: "\n"))
            </body></html>
            """
    }

    private func routeHTML(_ route: Route, zh: Bool) -> String {
        let e = Self.escape
        let provisions = route.provisions.map { provision in
            "<li>\(e(provision.law)) \(e(provision.article))"
                + (provision.verified ? "" : " <span class=\"unverified\">\(e(zh ? "（未核实）" : "(unverified)"))</span>")
                + "<br><small>\(e(provision.summary))</small></li>"
        }.joined()
        let clocks = route.clocks.map { "<li>\(e(Self.clockLine($0, zh: zh)))</li>" }.joined()
        let notes = route.notes.map { "<li>\(e(zh ? $0.zh : $0.en))</li>" }.joined()
        return """
            <section><h2>\(e(zh ? route.authority.name.zh : route.authority.name.en))</h2>
            <p>\(e(zh ? route.reason.zh : route.reason.en))</p><ul class="basis">\(provisions)</ul>\
            <ul class="clocks">\(clocks)</ul><ul class="notes">\(notes)</ul></section>
            """
    }

    /// Escapes `& < > " '` for HTML text and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
