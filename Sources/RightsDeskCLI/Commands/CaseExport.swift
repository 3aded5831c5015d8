import ArgumentParser
import CaseEngine
import Foundation

extension RightsDesk {
    /// `rightsdesk case export`: every case as JSON Lines or CSV (personal data masked unless `--unmasked`, which is
    /// audited per case).
    struct CaseExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Export all cases.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "jsonl (default) or csv.") var format: CaseExportFormat = .jsonl
        @Flag(help: "Include unmasked personal data; every exported case records this read in its audit log.")
        var unmasked = false

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                try context.service.export(format: format, unmaskedFor: unmasked ? options.actorName : nil) { line in
                    FileHandle.standardOutput.write(Data(line.utf8))
                }
            }
        }
    }
}

extension CaseExportFormat: ExpressibleByArgument {}
