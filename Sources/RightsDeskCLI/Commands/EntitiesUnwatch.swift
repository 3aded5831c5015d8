import ArgumentParser
import EntityKit

extension RightsDesk {
    /// `rightsdesk entities unwatch ENTITY --reason …`: take an entity off the watchlist; the reason is audited.
    struct EntitiesUnwatch: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unwatch",
                                                        abstract: "Remove an entity from the watchlist (reason required).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "KIND:VALUE, or a phone, credit code or company name.") var entity: String
        @Option(help: "Why (required, audited).") var reason: String?

        func validate() throws {
            guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationError("--reason is required to remove an entity from the watchlist")
            }
        }

        func run() throws {
            let target = try EntitiesSupport.parse(entity)
            let context = try CommandContext(options)
            try context.run {
                try context.service.store.unwatch(target, reason: reason ?? "", actor: options.actorName,
                                                  at: context.service.currentTime)
                if options.json { Output.json(try context.service.store.entityAudit(target).last) } else {
                    Output.line(options.lang == .zh ? "已移出重点关注：\(target.display(masked: true))"
                                                    : "unwatched: \(target.display(masked: true))")
                }
            }
        }
    }
}
