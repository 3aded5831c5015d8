@testable import BlackIntermediary
import Foundation
import EntityKit
import PatternPack
import RuleKit
import RuleKitTesting
import Testing

@Suite("BlackIntermediary module")
struct ModuleTests {
    @Test("every rule's examples hold (against the fixture history)")
    func examples() throws {
        let failures = RuleExampleVerifier.verify(try Support.module(), context: FixtureHistory())
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("every rule's examples hold with an empty context too, as `rules test` runs them")
    func examplesEmptyContext() throws {
        let failures = RuleExampleVerifier.verify(try Support.module())
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("a literal sample ranks the prefilter's literals in the pack and in the fee rules; findings stay those of the naive engine")
    func literalSample() throws {
        // Texts full of the words the intermediary and fee patterns would otherwise pick as literals.
        let sample = LiteralSample(texts: (0..<40).map { "中介 劳务派遣 介绍工作 押金 费用 收费 交 缴 \($0)" })
        let ranked = try BlackIntermediary(rulesDirectory: Support.rulesDirectory, literalSample: sample)
        let plain = try Support.module()
        let naive = try BlackIntermediary(rulesDirectory: Support.rulesDirectory, engine: .naive)
        let root = Support.rulesDirectory
        let packAlone = try PackLoader.load(directory: root + "/black-intermediary", literalSample: sample)
        let feesPath = root + "/fake-job/fees.yaml"
        let feesText = String(decoding: try #require(FileManager.default.contents(atPath: feesPath)), as: UTF8.self)
        let feesAlone = try PatternPackModule(source: PackSource.parse(files: [(feesPath, feesText)]), literalSample: sample)
        #expect(ranked.pack.requiredLiterals == packAlone.requiredLiterals)
        let fees = try #require(ranked.feeRules)
        #expect(fees.requiredLiterals == feesAlone.requiredLiterals)
        // The sample changes some choices (otherwise this test would not show that it arrives).
        #expect(fees.requiredLiterals != plain.feeRules?.requiredLiterals)
        let texts = (ranked.rules + (plain.feeRules?.rules ?? [])).flatMap { $0.examples.trigger + $0.examples.ignore }
            .compactMap { MarkedExample($0)?.text }
        for text in texts + [texts.joined(separator: "，")] {
            let posting = Subject(kind: .jobPosting, id: "p", fields: [SubjectField(name: "description", text: text)])
            let expected = try naive.evaluate(posting, context: FixtureHistory())
            #expect(try ranked.evaluate(posting, context: FixtureHistory()) == expected, "differs on: \(text)")
            #expect(try plain.evaluate(posting, context: FixtureHistory()) == expected, "differs on: \(text)")
        }
    }

    @Test("the complainant and id fields are never searched: their intermediary words, phones and names flag nothing")
    func excludedFields() throws {
        let module = try Support.module()
        let words = "劳务派遣中介，先交介绍费300元，电话13812345678，好运来劳务派遣有限公司"
        for name in ["complainant", "id"] {
            let hidden = Subject(kind: .caseIntake, id: "c1", fields: [
                SubjectField(name: "narrative", text: "工资拖欠两个月"), SubjectField(name: name, text: words),
            ])
            #expect(try module.evaluate(hidden, context: EmptyContext()).isEmpty, "\(name)")
        }
        // The same words in a searched field do flag (the test above would pass for a module that finds nothing).
        let shown = Subject(kind: .caseIntake, id: "c1", fields: [SubjectField(name: "narrative", text: words)])
        #expect(try !module.evaluate(shown, context: EmptyContext()).isEmpty)
    }

    @Test("history rules stay silent without a history")
    func noHistory() throws {
        let posting = Subject(kind: .jobPosting, id: "1", fields: [SubjectField(name: "contact", text: "加微信 heizhongjie01")])
        let findings = try Support.module().evaluate(posting, context: EmptyContext())
        #expect(findings.isEmpty)
    }

    @Test("a charging intermediary carries evidence of both the intermediary and the fee, flags and legal basis")
    func chargingEvidence() throws {
        let text = "正规劳务派遣，面试通过交介绍费300元，电话13812345678，好运来劳务派遣有限公司"
        let posting = Subject(kind: .jobPosting, id: "p1", fields: [SubjectField(name: "description", text: text)])
        let findings = try Support.module().evaluate(posting, context: EmptyContext())
        let charging = try #require(findings.first { $0.rule == "black_intermediary.charging_intermediary" })
        let excerpts = charging.evidence.map { String(decoding: Array(text.utf8)[$0.start..<$0.end], as: UTF8.self) }
        #expect(excerpts.contains("劳务派遣"))
        #expect(excerpts.contains { $0.contains("介绍费") })
        #expect(charging.actions.contains(.flagEntity(kind: "phone", value: "13812345678")))
        #expect(charging.actions.contains(.flagEntity(kind: "company", value: "好运来劳务派遣公司")))
        #expect(charging.references.contains("就业促进法 第四十一条 [R]"))
        #expect(findings.contains { $0.rule == "black_intermediary.unlicensed_intermediary" })
    }

    @Test("an invalid credit code in one field flags the company named in another, with no intermediary and no history")
    func invalidCreditCodeAcrossFields() throws {
        let module = try Support.module()
        func findings(code: String) throws -> [Finding] {
            let posting = Subject(kind: .jobPosting, id: "c1", fields: [
                SubjectField(name: "company", text: "深圳市星光电子有限公司"),
                SubjectField(name: "description", text: "招聘普工，统一社会信用代码：\(code)，包吃住"),
            ])
            return try module.evaluate(posting, context: EmptyContext())
        }
        let invalid = try findings(code: "9144030071526726XA")
        let finding = try #require(invalid.first { $0.rule == "black_intermediary.invalid_credit_code" })
        #expect(invalid.count == 1)
        #expect(finding.actions.contains { action in
            if case .flagEntity(let kind, let value) = action { return kind == "company" && value.contains("星光电子") }
            return false
        }, "\(finding.actions)")
        // The same posting with the valid code: nothing to report.
        #expect(try findings(code: "9144030071526726XG").isEmpty)
    }

    @Test("a fee rule the site disables no longer raises the charging flag; the other fee rules still do, at any level")
    func disabledFeeRule() throws {
        let module = try Support.module()
        func charging(_ text: String, disabled: Set<String>, level: Int = 1) throws -> Bool {
            var builder = RegistryBuilder(settings: ModuleSettings(level: level, disabledRules: disabled))
            try builder.register(module)
            let posting = Subject(kind: .jobPosting, id: "d1", fields: [SubjectField(name: "description", text: text)])
            return builder.build().evaluate(posting).findings.contains { $0.rule == "black_intermediary.charging_intermediary" }
        }
        let agencyFee = "正规劳务派遣，面试通过交介绍费300元送厂"  // fake_job.fee.agency_fee, a level-2 rule
        let deposit = "我们介绍工作，先交押金500元"
        #expect(try charging(agencyFee, disabled: []))
        #expect(try charging(agencyFee, disabled: ["some.other_rule"]))
        #expect(try !charging(agencyFee, disabled: ["fake_job.fee.agency_fee"]))
        #expect(try !charging(agencyFee, disabled: ["fake_job.fee.agency_fee"], level: 3))
        #expect(try charging(deposit, disabled: ["fake_job.fee.agency_fee"]))
        // The unlicensed flag does not read fees.
        var builder = RegistryBuilder(settings: ModuleSettings(disabledRules: ["fake_job.fee.agency_fee"]))
        try builder.register(module)
        let posting = Subject(kind: .jobPosting, id: "d2", fields: [SubjectField(name: "description", text: agencyFee)])
        #expect(builder.build().evaluate(posting).findings.map(\.rule) == ["black_intermediary.unlicensed_intermediary"])
    }

    @Test("each entity is flagged once, in the order of its first mention, licences never")
    func flaggedOnce() throws {
        let text = "劳务派遣，面试通过交介绍费300元，电话13812345678，好运来劳务派遣有限公司；再说一遍电话13812345678，好运来劳务派遣有限公司，"
            + "许可证编号：440300201904050001，微信 hr_zhang88"
        let posting = Subject(kind: .jobPosting, id: "f1", fields: [
            SubjectField(name: "description", text: text), SubjectField(name: "contact", text: "13812345678"),
        ])
        let findings = try Support.module().evaluate(posting, context: EmptyContext())
        let finding = try #require(findings.first { $0.rule == "black_intermediary.charging_intermediary" })
        let flags = finding.actions.compactMap { action -> String? in
            if case .flagEntity(let kind, let value) = action { return "\(kind):\(value)" }
            return nil
        }
        #expect(flags == ["phone:13812345678", "company:好运来劳务派遣公司", "wechat:hr_zhang88"], "\(flags)")
    }

    @Test("a stated licence number silences the unlicensed flag but not the charging flag")
    func licence() throws {
        let text = "劳务派遣，人力资源服务许可证编号：440300201904050001，入职前先交押金500元"
        let subject = Subject(kind: .jobPosting, id: "p2", fields: [SubjectField(name: "description", text: text)])
        let rules = try Support.module().evaluate(subject, context: EmptyContext()).map(\.rule)
        #expect(!rules.contains("black_intermediary.unlicensed_intermediary"))
        #expect(rules.contains("black_intermediary.charging_intermediary"))
    }

    @Test("the complainant field is never searched for flags")
    func complainantNeverFlagged() throws {
        let subject = Subject(kind: .caseIntake, id: "c1", fields: [
            SubjectField(name: "complainant", text: "电话13800000002"),
            SubjectField(name: "narrative", text: "工资没发"),
        ])
        #expect(try Support.module().evaluate(subject, context: FixtureHistory()).isEmpty)
    }

    @Test("several flagged entities in one subject give one finding per rule with all evidence")
    func mergedPerRule() throws {
        let text = "电话13800000002，微信heizhongjie01，备用13800000002"
        let subject = Subject(kind: .jobPosting, id: "p3", fields: [SubjectField(name: "contact", text: text)])
        let findings = try Support.module().evaluate(subject, context: FixtureHistory())
        #expect(findings.filter { $0.rule == "black_intermediary.repeat_complaints" }.count == 1)
        let watched = try #require(findings.first { $0.rule == "black_intermediary.watchlisted" })
        #expect(watched.actions == [.flagEntity(kind: "wechat", value: "heizhongjie01")])
        #expect(watched.evidence.first?.excerpt.contains("heizhongjie01") == true)
    }

    @Test("thresholds parse with line numbers in errors")
    func thresholds() throws {
        let parsed = try IntermediaryThresholds.parse("complaints: 5 # five\ndays: 14\n", file: "t.yaml")
        #expect(parsed == IntermediaryThresholds(complaints: 5, days: 14, sharedContactCompanies: 3))
        #expect(throws: IntermediaryConfigError(file: "t.yaml", line: 2, message: "unknown key 'weeks'")) {
            try IntermediaryThresholds.parse("days: 3\nweeks: 2", file: "t.yaml")
        }
    }

    @Test("docs/intermediaries.md explains every scored rule (out of date: add the rule to its table)")
    func documented() throws {
        let path = Support.rulesDirectory.replacingOccurrences(of: "/rules", with: "/docs/intermediaries.md")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for rule in try Support.module().rules where !rule.subrule {
            #expect(text.contains("`\(rule.id)`"), "docs/intermediaries.md does not explain \(rule.id)")
        }
    }
}
