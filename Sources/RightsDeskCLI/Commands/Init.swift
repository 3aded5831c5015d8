import ArgumentParser
import CaseEngine

extension RightsDesk {
    /// `rightsdesk init`: creates (or upgrades) the database file and checks the rules directory.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the database (SQLite file) if missing.")

        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try CommandContext(options, create: true)
            try context.run {
                let summary = try context.service.summary()
                if options.json {
                    Output.json(["database": context.databasePath, "cases": String(summary.total)])
                } else {
                    Output.line(options.lang == .zh
                        ? "数据库就绪：\(context.databasePath)（\(summary.total) 件案件）"
                        : "database ready: \(context.databasePath) (\(summary.total) cases)")
                }
            }
        }
    }
}
