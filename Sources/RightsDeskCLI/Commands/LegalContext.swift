import CaseEngine

extension CommandContext {
    /// The legal desk over this context's service, with `rules/legal` loaded.
    func legalDesk() throws -> LegalDesk {
        do {
            return try LegalDesk(service: service, rulesDirectory: rulesDirectory)
        } catch {
            throw CommandContext.fail(error, options.lang)
        }
    }
}
