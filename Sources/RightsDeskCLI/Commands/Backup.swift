import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk backup --out FILE`: a consistent, checked copy of the whole database while it is in use.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the whole database to a new file (consistent while the server runs; checked).",
            discussion: """
            The copy holds cases, events, links, scan records, entities and accounts (password hashes), so it holds \
            personal data: keep it where the database itself may be kept. An existing file is never overwritten. \
            Restore by stopping the server and putting the copy in place of the database file.
            """)

        @OptionGroup var options: GlobalOptions

        @Option(name: .long, help: "The backup file to write (must not exist).")
        var out: String

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let report = try context.service.store.backup(to: out)
                if options.json {
                    Output.json(report)
                } else {
                    Output.line(options.lang == .zh
                        ? "备份完成：\(report.path)（\(report.cases) 件案件，\(report.events) 条事件，\(report.bytes) 字节，完整性检查通过）"
                        : "backup written: \(report.path) (\(report.cases) cases, \(report.events) events, \(report.bytes) bytes, integrity check ok)")
                }
            }
        }
    }
}
