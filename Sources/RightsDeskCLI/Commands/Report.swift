import ArgumentParser
import CaseCore
import CaseEngine

extension RightsDesk {
    /// `rightsdesk report …`: statistics for supervisors.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reports for supervisors.",
                                                        subcommands: [Summary.self, Intermediaries.self])

        /// `rightsdesk report summary`: counts by kind, status, department; open and overdue.
        struct Summary: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Counts by kind, status and department; overdue.")
            @OptionGroup var options: GlobalOptions

            func run() throws {
                let context = try CommandContext(options)
                try context.run {
                    let report = try context.service.summary()
                    if options.json { Output.json(report) } else { Output.line(render(report)) }
                }
            }

            private func render(_ r: SummaryReport) -> String {
                let l = options.lang
                let zh = l == .zh
                var lines = [zh ? "案件总数 \(r.total)，未办结 \(r.open)，超期 \(r.overdue)"
                                : "cases \(r.total), open \(r.open), overdue \(r.overdue)"]
                func section(_ title: String, _ counts: [String: Int], _ label: (String) -> String) {
                    var t = TextTable([title, zh ? "数量" : "count"])
                    for (key, n) in counts.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
                        t.add([label(key), String(n)])
                    }
                    lines.append("")
                    lines.append(t.render())
                }
                section(zh ? "类型" : "kind", r.byKind) { CaseKind(rawValue: $0).map { Labels.kind($0, l) } ?? $0 }
                section(zh ? "状态" : "status", r.byStatus) { CaseStatus(rawValue: $0).map { Labels.status($0, l) } ?? $0 }
                section(zh ? "承办部门" : "department", r.byDepartment) { $0.isEmpty ? "—" : $0 }
                return lines.joined(separator: "\n")
            }
        }
    }
}
