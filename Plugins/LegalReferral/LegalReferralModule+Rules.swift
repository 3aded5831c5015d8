import RuleKit

extension LegalReferralModule {
    /// One description per route (examples from routes.yaml) and the near-deadline rule.
    static func describe(_ data: LegalData) -> [RuleDescription] {
        let routes = data.routes.map { route in
            let authority = LegalText.authorityName(route.authority)
            return RuleDescription(
                id: route.id, name: LocalizedText(zh: "移送\(authority.zh)", en: "Refer to \(authority.en)"),
                severity: .info, score: 0, meta: true,
                references: route.provisions.compactMap { data.provision($0)?.citation }, fields: ["facts"],
                examples: RuleExamples(trigger: route.examplesTrigger, ignore: route.examplesIgnore))
        }
        let deadline = RuleDescription(
            id: deadlineRule, name: LocalizedText(zh: "时效临近届满", en: "Limitation period ending soon"),
            severity: .high, score: 0, meta: true, references: ["劳动争议调解仲裁法 第二十七条"], fields: ["facts"],
            examples: RuleExamples(
                trigger: ["kind=laborDispute; tags=欠薪; employmentEnd=2025-06-20; today=2026-06-01"],
                ignore: ["kind=laborDispute; tags=欠薪; employmentEnd=2025-09-01; today=2026-06-01",
                         "kind=laborDispute; tags=欠薪; today=2026-06-01"]))
        return routes + [deadline]
    }
}
