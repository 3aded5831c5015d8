import ArgumentParser
import CaseStore
import EntityKit
import Foundation

extension RightsDesk {
    /// `rightsdesk entities list`: indexed entities, most recently seen first.
    struct EntitiesList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List indexed entities.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this kind: phone, wechat, qq, company, creditCode, licence.") var kind: String?
        @Option(help: "Only entities seen in the last N days.") var days: Int?
        @Flag(help: "Only watched entities.") var watched = false
        @Option(help: "At most N rows.") var limit = 100
        @Flag(help: "Show contacts in full (each one shown is recorded in its audit log).") var unmasked = false

        func validate() throws {
            if let kind, EntityKind(rawValue: kind) == nil { throw ValidationError("--kind: unknown kind \(kind)") }
            if let days, days < 1 { throw ValidationError("--days must be at least 1") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let context = try CommandContext(options)
            try context.run {
                let now = context.service.currentTime
                var records = try context.service.store.entities(
                    kind: kind.flatMap(EntityKind.init(rawValue:)), since: days.map { now.addingTimeInterval(-Double($0) * 86_400) },
                    watchedOnly: watched, limit: limit)
                if unmasked {  // contacts shown in full: each is an audited read (`viewPersonal`, via cli list)
                    for record in records where record.entity.kind.isContact {
                        try context.service.store.auditUnmaskedRead(record.entity, actor: options.actorName,
                                                                    via: "cli list", at: now)
                    }
                } else {
                    records = records.map { var r = $0; r.entity.value = r.entity.display(masked: true)
                        if r.entity.kind.isContact { r.display = r.entity.value }; return r }
                }
                if options.json { Output.json(records) } else {
                    Output.line(EntitiesSupport.table(records, zh: options.lang == .zh, masked: false))
                }
            }
        }
    }
}
