import CaseCore
import Testing
@testable import LegalReferral

@Suite("Loading rules/legal")
struct LoaderTests {
    let provisions = """
        version: 1
        provisions:
          - id: p_ok
            law: 测试法
            article: 第一条
            summary: 摘要
            source: example
            verified: true
          - id: p_recalled
            law: 测试法
            article: 第二条
            summary: 摘要
            source: 凭记忆
            inForce: 2022-01-01
            verified: false
        """
    let site = "minimumMonthlyWage: 2000.00\n"

    func routes(authority: String = "court", provision: String = "p_ok") -> String {
        """
        version: 1
        routes:
          - id: legal.test
            authority: \(authority)
            provisions: [\(provision)]
            when:
              - tags: [x]
            reason: {zh: 理由, en: reason}
        """
    }

    @Test("the shipped files load, with every verified flag as in legal-basis.md")
    func shipped() throws {
        let data = try shippedData()
        #expect(data.routes.count >= 10)
        let verified = Set(data.provisions.filter(\.verified).map(\.id))
        // The [V] marks of shared/reference/legal-basis.md.
        #expect(verified == ["lcl_9", "lcl_84", "lcl_85", "lcl_82", "epl_40", "epl_62", "epl_68", "hrm_4",
                             "ldmal_27", "ldmal_47", "lsi_20", "lsi_17", "migrant_wage_reg", "laa_31", "laa_42_3",
                             "crim_276_1", "atf_25", "atf_31", "recruit_notice_2026"])
        #expect(data.site.minimumMonthlyWage == Fen(249_000))
        // The shipped wage is a placeholder and says so.
        #expect(data.site.minimumWageVerified == false)
    }

    @Test("minimumWageVerified: missing counts as false, true is kept, anything else names the line")
    func wageVerified() throws {
        #expect(try LegalDataLoader.parse(provisions: provisions, routes: routes(), site: site).site
            .minimumWageVerified == false)
        let checked = try LegalDataLoader.parse(provisions: provisions, routes: routes(), site: """
            minimumMonthlyWage: 2690.00
            minimumWageSource: 某省人民政府 文号
            minimumWageVerified: true
            """).site
        #expect(checked.minimumWageVerified)
        do {
            _ = try LegalDataLoader.parse(provisions: provisions, routes: routes(),
                                          site: "minimumMonthlyWage: 2690.00\nminimumWageVerified: maybe\n")
            Issue.record("a non-boolean minimumWageVerified was accepted")
        } catch {
            #expect("\(error)".contains("site.yaml:2"))
        }
    }

    @Test("small files parse into provisions, routes and site")
    func parses() throws {
        let data = try LegalDataLoader.parse(provisions: provisions, routes: routes(), site: site)
        #expect(data.provisions.map(\.id) == ["p_ok", "p_recalled"])
        #expect(data.provision("p_recalled")?.inForce == day("2022-01-01"))
        #expect(data.routes.first?.authority == .court)
        #expect(data.site.finalAwardThreshold == Fen(2_400_000))
    }

    @Test("broken YAML names the file and line")
    func brokenYAML() {
        let broken = "version: 1\nprovisions:\n  - id: a\n    law: [unclosed\n    article: x\n"
        #expect {
            _ = try LegalDataLoader.parse(provisions: broken, routes: routes(), site: site)
        } throws: { error in
            guard let error = error as? LegalDataError else { return false }
            return error.file == "provisions.yaml" && error.line != nil && error.description.hasPrefix("provisions.yaml:")
        }
    }

    @Test("an unknown authority in routes.yaml is an error naming it and its line")
    func unknownAuthority() {
        #expect {
            _ = try LegalDataLoader.parse(provisions: provisions, routes: routes(authority: "polce"), site: site)
        } throws: { error in
            guard let error = error as? LegalDataError else { return false }
            return error.description == "routes.yaml:4: route 'legal.test': unknown authority 'polce'"
        }
    }

    @Test("an unknown provision id in routes.yaml is an error naming it")
    func unknownProvision() {
        #expect {
            _ = try LegalDataLoader.parse(provisions: provisions, routes: routes(provision: "p_missing"), site: site)
        } throws: { error in
            guard let error = error as? LegalDataError else { return false }
            return error.file == "routes.yaml" && error.line == 5 && error.message.contains("'p_missing'")
        }
    }

    @Test("a provision without its verified flag is refused")
    func missingVerified() {
        let text = "provisions:\n  - id: a\n    law: l\n    article: a\n    summary: s\n    source: s\n"
        #expect(throws: LegalDataError.self) {
            _ = try LegalDataLoader.parse(provisions: text, routes: routes(), site: site)
        }
    }

    @Test("a site without a valid minimum wage is refused with its line")
    func badSite() {
        #expect {
            _ = try LegalDataLoader.parse(provisions: provisions, routes: routes(), site: "site: x\nminimumMonthlyWage: abc\n")
        } throws: { error in
            (error as? LegalDataError)?.description.hasPrefix("site.yaml:2:") == true
        }
    }
}
