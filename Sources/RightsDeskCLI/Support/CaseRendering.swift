import CaseCore
import CaseEngine
import CaseStore

/// Tables and detail views of cases, in the user's language (labels in one place: here and `Labels`).
enum CaseRendering {
    static func header(_ l: Language) -> [String] {
        l == .zh ? ["编号", "类型", "状态", "承办部门", "承办人", "办理期限", "超期", "版本", "事由"]
                 : ["number", "kind", "status", "department", "assignee", "due", "overdue", "ver", "narrative"]
    }

    static func table(_ views: [CaseView], _ l: Language) -> String {
        var t = TextTable(header(l))
        for v in views {
            let r = v.record
            t.add([r.number, Labels.kind(r.kind, l), Labels.status(r.status, l), r.department ?? "—",
                   r.assignee ?? "—", dueText(v.deadline, l), v.overdue ? (l == .zh ? "是" : "yes") : "",
                   String(r.version), TextTable.clip(r.narrative, 30)])
        }
        return views.isEmpty ? (l == .zh ? "（没有案件）" : "(no cases)") : t.render()
    }

    static func dueText(_ d: ServiceDeadline, _ l: Language) -> String {
        switch d.state {
        case .stopped: return l == .zh ? "已停止" : "stopped"
        case .notStarted: return "—"
        case .paused: return (l == .zh ? "暂停 " : "paused ") + (d.dueDay.map { "\($0)" } ?? "")
        case .running: return Output.chinaTime(d.dueAt)
        }
    }

    static func detail(_ v: CaseView, _ l: Language) -> String {
        let r = v.record
        let zh = l == .zh
        var lines: [String] = []
        lines.append("\(r.number)  [\(Labels.kind(r.kind, l))] \(Labels.status(r.status, l))  v\(r.version)")
        lines.append((zh ? "渠道：" : "channel: ") + Labels.channel(r.channel, l)
                     + (zh ? "  优先级：" : "  priority: ") + Labels.priority(r.priority, l))
        lines.append((zh ? "登记时间：" : "opened: ") + Output.chinaTime(r.createdAt))
        lines.append((zh ? "承办：" : "handled by: ") + [r.department, r.assignee].compactMap { $0 }.joined(separator: " / "))
        lines.append((zh ? "办理期限：" : "due: ") + dueText(v.deadline, l)
                     + (v.overdue ? (zh ? "（已超期）" : " (OVERDUE)") : "")
                     + "  " + (zh ? "已用 \(v.deadline.usedDays)/\(v.deadline.limitDays + v.deadline.extensionDays) 个工作日"
                                  : "used \(v.deadline.usedDays)/\(v.deadline.limitDays + v.deadline.extensionDays) working days"))
        if !v.deadline.calendarCovered {
            lines.append(zh ? "注意：节假日历未覆盖该期间，仅按周末计算" : "note: the holiday calendar does not cover this period; weekends only")
        }
        for p in r.parties {
            let role = p.role == .complainant ? (zh ? "投诉人" : "complainant") : (zh ? "被投诉方" : "respondent")
            let type = p.type.map { " (\($0.rawValue))" } ?? ""
            lines.append("\(role)\(type): " + [p.name, p.phone, p.idNumber, p.contact].compactMap { $0 }.joined(separator: "  "))
        }
        if !r.tags.isEmpty { lines.append((zh ? "标签：" : "tags: ") + r.tags.joined(separator: ", ")) }
        lines.append((zh ? "事由：" : "narrative: ") + r.narrative)
        if let links = v.links, !links.isEmpty {
            lines.append(zh ? "关联：" : "links:")
            for link in links { lines.append("  \(link.from) \(link.type.rawValue) \(link.to)") }
        }
        if let events = v.events {
            lines.append(zh ? "处理记录：" : "timeline:")
            for e in events { lines.append("  " + eventLine(e, l)) }
        }
        return lines.joined(separator: "\n")
    }

    static func eventLine(_ e: CaseEvent, _ l: Language) -> String {
        var s = "\(Output.chinaTime(e.at))  \(e.actor)  \(Labels.event(e.name, l))"
        if let from = e.from, let to = e.to { s += "  \(Labels.status(from, l)) → \(Labels.status(to, l))" }
        else if let to = e.to { s += "  → \(Labels.status(to, l))" }
        let d = e.detail
        let extra = [d.assignee, d.department, d.authority, d.basis, d.extensionDays.map { "+\($0)" },
                     d.linkedCase.map { "#\($0)" }, d.linkType].compactMap { $0 }
        if !extra.isEmpty { s += "  [" + extra.joined(separator: ", ") + "]" }
        if let reason = e.reason { s += (l == .zh ? "  原因：" : "  reason: ") + reason }
        if let text = e.text { s += "  " + text }
        return s
    }
}
