import ArgumentParser

extension RightsDesk {
    /// `rightsdesk entities …`: the entity index (phones, WeChat/QQ ids, companies, credit codes, licences).
    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Entities named across cases and postings; the watchlist.",
            discussion: "An entity is KIND:VALUE (phone, wechat, qq, company, creditCode, licence) or a bare phone, "
                + "credit code or company name. Contacts are masked unless --unmasked.",
            subcommands: [EntitiesList.self, EntitiesShow.self, EntitiesCases.self, EntitiesWatch.self,
                          EntitiesUnwatch.self, EntitiesReindex.self])
    }
}
