import ArgumentParser
import CaseEngine
import EntityKit

extension RightsDesk {
    /// `rightsdesk entities show ENTITY`: counts over time windows, cases, postings, flags, watchlist and audit.
    struct EntitiesShow: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one entity.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "KIND:VALUE, or a phone, credit code or company name.") var entity: String
        @Flag(help: "Show contacts in full (audited: a viewPersonal entry in the entity's audit log).") var unmasked = false

        func run() throws {
            let target = try EntitiesSupport.parse(entity)
            let context = try CommandContext(options)
            try context.run {
                if unmasked {  // reading a contact in full is audited, as in the server (`viewPersonal`, via cli)
                    try context.service.store.auditUnmaskedRead(target, actor: options.actorName, via: "cli",
                                                                at: context.service.currentTime)
                }
                let detail = try context.service.entityDetail(target)
                if options.json {
                    Output.json(EntityDetailOutput(detail: detail, masked: !unmasked))
                } else {
                    Output.line(render(detail))
                }
            }
        }

        private func render(_ d: EntityDetail) -> String {
            let zh = options.lang == .zh
            let r = d.record
            var lines = ["\(EntitiesSupport.kindLabel(r.entity.kind, zh))  \(r.entity.display(masked: !unmasked))"
                + (d.watch != nil ? (zh ? "  ★重点关注" : "  ★watched") : "")]
            lines.append(zh ? "首次 \(Output.chinaTime(r.firstSeen))  最近 \(Output.chinaTime(r.lastSeen))  案件 \(r.cases)  招聘信息 \(r.postings)"
                            : "first \(Output.chinaTime(r.firstSeen))  last \(Output.chinaTime(r.lastSeen))  cases \(r.cases)  postings \(r.postings)")
            lines.append(d.windows.map { zh ? "近\($0.days)天 案件\($0.cases)/信息\($0.postings)" : "\($0.days)d cases \($0.cases)/postings \($0.postings)" }
                .joined(separator: "  "))
            if !d.companies.isEmpty { lines.append((zh ? "关联公司：" : "companies: ") + d.companies.joined(separator: "、")) }
            if let w = d.watch { lines.append((zh ? "关注原因：" : "watch reason: ") + w.reason) }
            if !d.flags.isEmpty {
                var rules: [String: Int] = [:]
                for f in d.flags { rules[f.rule, default: 0] += 1 }
                lines.append((zh ? "标记：" : "flags: ") + rules.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }
                    .joined(separator: ", "))
            }
            if !d.cases.isEmpty { lines += ["", EntitiesSupport.caseTable(d.cases, zh: zh)] }
            return lines.joined(separator: "\n")
        }
    }
}
