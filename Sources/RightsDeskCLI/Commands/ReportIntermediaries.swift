import ArgumentParser
import CaseStore
import EntityKit

extension RightsDesk.Report {
    /// `rightsdesk report intermediaries`: flagged intermediaries with their evidence counts.
    struct Intermediaries: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Intermediaries flagged in the last N days, with evidence counts; watched entities too.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Window in days (default 30).") var days = 30
        @Option(help: "At most N rows.") var limit = 100
        @Flag(help: "Show contacts in full.") var unmasked = false

        func validate() throws {
            if days < 1 { throw ValidationError("--days must be at least 1") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                var rows = try context.service.flaggedIntermediaries(days: days, limit: limit)
                if !unmasked {
                    rows = rows.map { var r = $0; let shown = r.entity.entity.display(masked: true)
                        if r.entity.entity.kind.isContact { r.entity.entity.value = shown; r.entity.display = shown }
                        return r }
                }
                if options.json { Output.json(rows) } else { Output.line(render(rows)) }
            }
        }

        private func render(_ rows: [EntityFlagSummary]) -> String {
            let zh = options.lang == .zh
            var t = TextTable(zh ? ["类型", "实体", "标记", "来源数", "案件", "信息", "最近标记", "证据"]
                                 : ["kind", "entity", "flags", "sources", "cases", "postings", "last flagged", "evidence"])
            for r in rows {
                let flags = r.rules.sorted { $0.key < $1.key }
                    .map { "\($0.key.replacingOccurrences(of: "black_intermediary.", with: ""))×\($0.value)" }
                t.add([EntitiesSupport.kindLabel(r.entity.entity.kind, zh), r.entity.entity.value,
                       flags.joined(separator: ","), String(r.sources), String(r.entity.cases), String(r.entity.postings),
                       Output.chinaTime(r.lastFlagged), r.evidence.first ?? ""])
            }
            let title = zh ? "近 \(days) 天被标记的中介：\(rows.count)" : "intermediaries flagged in the last \(days) days: \(rows.count)"
            return title + "\n" + t.render()
        }
    }
}
