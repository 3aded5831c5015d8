import CaseEngine
import Foundation

/// What `case open` prints: the stored case, then the intake check (related cases, postings, flags) with the
/// one-step commands to link or merge a suggestion.
enum EntitiesIntake {
    /// Prints the opened case and its intake check; a check that cannot run is a warning, never a failed intake.
    static func print(_ view: CaseView, context: CommandContext, options: GlobalOptions) {
        var check: IntakeCheck?
        do throws(EngineError) {
            let desk = try IntermediaryDesk(service: context.service, rulesDirectory: context.rulesDirectory)
            check = try desk.check(String(view.record.id))
        } catch {
            Output.error((options.lang == .zh ? "关联检查未完成：" : "intake check skipped: ") + error.message(options.lang))
        }
        if options.json {
            Output.json(OpenedCase(view: view, check: check))
        } else {
            Output.line(CaseRendering.detail(view, options.lang))
            if let check { Output.line(render(check, number: view.record.number, zh: options.lang == .zh)) }
        }
    }

    static func render(_ check: IntakeCheck, number: String, zh: Bool) -> String {
        guard !check.related.isEmpty || !check.flags.isEmpty || !check.postings.isEmpty else {
            return zh ? "\n未发现相关案件或标记" : "\nno related cases or flags"
        }
        var lines: [String] = [""]
        if !check.related.isEmpty {
            var t = TextTable(zh ? ["相关案件", "状态", "原因", "共同实体", "疑似重复"]
                                 : ["related case", "status", "reasons", "shared", "duplicate?"])
            for r in check.related {
                t.add([r.number, r.status, r.reasons.map(\.rawValue).joined(separator: ","),
                       r.shared.joined(separator: " "), r.likelyDuplicate ? "✔" : ""])
            }
            lines.append(t.render())
            if let first = check.related.first {
                lines.append(zh ? "关联：rightsdesk case link \(number) \(first.number)；合并重复：rightsdesk case merge \(number) \(first.number)"
                                : "link: rightsdesk case link \(number) \(first.number); merge a duplicate: rightsdesk case merge \(number) \(first.number)")
            }
        }
        if !check.postings.isEmpty {
            lines.append((zh ? "相关招聘信息：" : "related postings: ") + check.postings.joined(separator: ", "))
        }
        for flag in check.flags {
            let message = zh ? flag.message.zh : flag.message.en
            let basis = flag.references.isEmpty ? "" : "（\(flag.references.joined(separator: "；"))）"
            lines.append("⚑ \(message) \(flag.entity) \(basis)")
        }
        return lines.joined(separator: "\n")
    }
}

/// The JSON of `case open`: the case view's keys plus `related`, `relatedPostings` and `flags`.
struct OpenedCase: Encodable {
    var view: CaseView
    var check: IntakeCheck?

    enum Keys: String, CodingKey { case related, relatedPostings, flags }

    func encode(to encoder: any Encoder) throws {
        try view.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(check?.related ?? [], forKey: .related)
        try c.encode(check?.postings ?? [], forKey: .relatedPostings)
        try c.encode(check?.flags ?? [], forKey: .flags)
    }
}
