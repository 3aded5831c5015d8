import ArgumentParser
import EntityKit

extension RightsDesk {
    /// `rightsdesk entities watch ENTITY --reason …`: put an entity on the watchlist (audited).
    struct EntitiesWatch: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "watch", abstract: "Put an entity on the watchlist.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "KIND:VALUE, or a phone, credit code or company name.") var entity: String
        @Option(help: "Why (required, audited).") var reason: String

        func validate() throws {
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--reason must not be empty") }
        }

        func run() throws {
            let target = try EntitiesSupport.parse(entity)
            let context = try CommandContext(options)
            try context.run {
                try context.service.store.watch(target, display: target.value, reason: reason,
                                                actor: options.actorName, at: context.service.currentTime)
                let entry = try context.service.store.watchEntry(target)
                if options.json { Output.json(entry) } else {
                    Output.line(options.lang == .zh ? "已加入重点关注：\(target.display(masked: true))"
                                                    : "watched: \(target.display(masked: true))")
                }
            }
        }
    }
}
