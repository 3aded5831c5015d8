@testable import BlackIntermediary
import Foundation
@testable import PatternPack
@testable import PluginHost
import RuleKit
import RuleKitTesting
import Testing

@Suite("Built-in module factories")
struct BuiltInModulesTests {
    /// The repository's `rules/` directory.
    static var rules: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
    }

    /// Texts full of the words the packs would otherwise pick as literals, so ranking by them changes choices.
    static let sample = LiteralSample(texts: (0..<40).map { "中介 劳务派遣 介绍工作 押金 费用 收费 交 缴 加 微信 \($0)" })

    @Test("each built-in factory hands the literal sample to every pattern set its module builds")
    func sampleArrives() throws {
        let fakeJob = try #require(
            try BuiltInModules.fakeJob.make(Self.rules, .prefilter, Self.sample) as? PatternPackModule)
        let fakeJobAlone = try PackLoader.load(directory: Self.rules + "/fake-job", literalSample: Self.sample)
        #expect(fakeJob.requiredLiterals == fakeJobAlone.requiredLiterals)
        #expect(fakeJob.requiredLiterals != (try PackLoader.load(directory: Self.rules + "/fake-job").requiredLiterals))

        let made = try #require(
            try BuiltInModules.blackIntermediary.make(Self.rules, .prefilter, Self.sample) as? BlackIntermediary)
        let direct = try BlackIntermediary(rulesDirectory: Self.rules, literalSample: Self.sample)
        let unranked = try BlackIntermediary(rulesDirectory: Self.rules)
        #expect(made.pack.requiredLiterals == direct.pack.requiredLiterals)
        #expect(made.feeRules?.requiredLiterals == direct.feeRules?.requiredLiterals)
        #expect(made.feeRules?.requiredLiterals != unranked.feeRules?.requiredLiterals)
    }

    /// Postings that name an intermediary in various ways (plainly, spaced out so that only the compacted view has
    /// the word, in the company field only) and postings that do not, plus every rule example of both packs.
    static func postings(_ registry: ModuleRegistry) -> [Subject] {
        var texts = [
            "正规劳务派遣，面试通过交介绍费300元，电话13812345678", "我们是正规中 介，先交押金500元才安排",
            "工厂直招普工，包吃住，不收任何费用", "招聘店员，月薪5000", "", "中介勿扰，本公司直招",
            "加V信了解详情，入职前缴纳押金300元", "人力资源公司代招，交200元报名费",
        ]
        texts += registry.modules.flatMap(\.rules).flatMap { $0.examples.trigger + $0.examples.ignore }
            .compactMap { MarkedExample($0)?.text }
        var subjects = texts.enumerated().map { index, text in
            Subject(kind: .jobPosting, id: "p\(index)", fields: [
                SubjectField(name: "title", text: "招聘"), SubjectField(name: "description", text: text),
            ])
        }
        subjects.append(Subject(kind: .jobPosting, id: "company-only", fields: [
            SubjectField(name: "description", text: "包吃住，先交押金300元"),
            SubjectField(name: "company", text: "好运来劳务派遣有限公司"),
        ]))
        subjects.append(Subject(kind: .caseIntake, id: "case", fields: [
            SubjectField(name: "narrative", text: "这家劳务派遣公司收了我300元介绍费"),
            SubjectField(name: "complainant", text: "中介受害人"),
        ]))
        return subjects
    }

    /// The registry `RegistryFactory` builds at `level` (`black_intermediary` wired to `fake_job`'s pass) and one of
    /// the same two modules registered without the wiring, with the settings of both.
    static func registries(level: Int) throws -> (wired: ModuleRegistry, unwired: ModuleRegistry, ModuleSettings) {
        var config = RightsDeskConfig()
        config.rulesDirectory = Self.rules
        config.level = level
        let wired = try RegistryFactory.build(config: config, builtIns: BuiltInModules.all, literalSample: Self.sample)
        var builder = RegistryBuilder(settings: config.moduleSettings)
        try builder.register(try BuiltInModules.fakeJob.make(Self.rules, .prefilter, Self.sample))
        try builder.register(try BuiltInModules.blackIntermediary.make(Self.rules, .prefilter, Self.sample))
        return (wired, builder.build(), config.moduleSettings)
    }

    @Test("black_intermediary skips its probe where fake_job's pass saw none of its literals; evaluations are the same as without")
    func probeServedByFakeJob() throws {
        let (wired, unwired, _) = try Self.registries(level: 3)
        let watch = try #require((wired.modules.first { $0.id == "black_intermediary" } as? BlackIntermediary)?.literalWatch)
        var answered = (yes: 0, no: 0)
        for subject in Self.postings(wired) {
            #expect(wired.evaluate(subject) == unwired.evaluate(subject), "differs on \(subject.id)")
            // Right after fake_job's pass, the memo knows this posting (job postings only: fake_job reads no cases).
            let occurred = LiteralWatchMemo.shared.occurred(watch, in: subject)
            if subject.kind == .jobPosting {
                // The memo is one small ring for the whole process: tests running on other threads at the same time
                // can push this posting's entry out before it is read (seen under load). It then answers nil —
                // "unknown", and the probe makes its own pass — which is right, so only answers are checked.
                guard let occurred else { continue }
                let text = subject.fields.map(\.text).joined(separator: "\n")
                let names = watch.literals.contains { text.contains($0) }
                #expect(occurred == names || (occurred && text.contains(" ")), "\(subject.id)")
                if occurred { answered.yes += 1 } else { answered.no += 1 }
            } else {
                #expect(occurred == nil)
            }
        }
        #expect(answered.yes >= 5 && answered.no >= 5)
        // Only the wired registry's fake_job watches: a posting evaluated by the unwired one alone is unknown.
        let fresh = Subject(kind: .jobPosting, id: "fresh", fields: [SubjectField(name: "description", text: "仓库理货员")])
        _ = unwired.evaluate(fresh)
        #expect(LiteralWatchMemo.shared.occurred(watch, in: fresh) == nil)
        _ = wired.evaluate(fresh)
        #expect(LiteralWatchMemo.shared.occurred(watch, in: fresh) == false)
    }

    @Test("at level 1, fake_job's pass records black_intermediary's fee findings (level-2 rules too) and reports what it did unwatched; evaluations equal the unwired registry's")
    func feeFindingsServedByFakeJob() throws {
        let (wired, unwired, settings) = try Self.registries(level: 1)
        let fakeJob = try #require(unwired.modules.first { $0.id == "fake_job" })
        let intermediary = try #require(unwired.modules.first { $0.id == "black_intermediary" } as? BlackIntermediary)
        let wiredIntermediary = try #require(wired.modules.first { $0.id == "black_intermediary" } as? BlackIntermediary)
        let watch = try #require(wiredIntermediary.literalWatch)
        let feeRules = try #require(intermediary.feeRules)
        // The watching fake_job alone, prepared for level 1, reports exactly what it reports without the watch.
        let watching = try #require(wired.modules.first { $0.id == "fake_job" } as? any LiteralWatching)
        let plainFakeJob = fakeJob.prepared(for: settings)
        let watchingFakeJob = watching.prepared(for: settings)
        var served = 0
        for subject in Self.postings(wired) {
            #expect(wired.evaluate(subject) == unwired.evaluate(subject), "differs on \(subject.id)")
            let shared = LiteralWatchMemo.shared.findings(watch, in: subject)
            if subject.kind == .jobPosting {
                // Recorded by the pass just made: the fee pack's own evaluation, level-2 rules included.
                let own = try feeRules.evaluate(subject, context: EmptyContext())
                #expect(shared.map { $0.map(\.rule) } == own.map(\.rule), "\(subject.id)")
                #expect(shared.map { $0.map(\.evidence) } == own.map(\.evidence), "\(subject.id)")
                if shared?.isEmpty == false { served += 1 }
            } else {
                #expect(shared == nil)  // fake_job reads no cases: the module matches the fee rules itself
            }
            #expect(try watchingFakeJob.evaluate(subject, context: EmptyContext())
                == plainFakeJob.evaluate(subject, context: EmptyContext()), "\(subject.id)")
        }
        #expect(served >= 5)
        // A level-2 fee rule: recorded for the charging flag, not reported by fake_job at level 1.
        let agencyFee = Subject(kind: .jobPosting, id: "agency-fee", fields: [
            SubjectField(name: "description", text: "劳务派遣公司介绍工作，面试通过后交介绍费300，次日送厂"),
        ])
        let evaluation = wired.evaluate(agencyFee)
        let rules = evaluation.findings.map(\.rule)
        #expect(LiteralWatchMemo.shared.findings(watch, in: agencyFee)?.map(\.rule) == ["fake_job.fee.agency_fee"])
        #expect(!rules.contains("fake_job.fee.agency_fee"))
        #expect(rules.contains("black_intermediary.charging_intermediary"))
        #expect(evaluation == unwired.evaluate(agencyFee))
    }

    @Test("a pack serves a watch's rules only when it holds each with the same definition; else nothing is recorded")
    func feeRulesServedOnlyWhenTheSame() throws {
        let fakeJob = try PackLoader.load(directory: Self.rules + "/fake-job")
        let intermediary = try BlackIntermediary(rulesDirectory: Self.rules)
        let specs = try #require(intermediary.feeRules?.specs)
        var changed = specs
        changed[0].patterns[0] += "(?:x)?"
        let same = try #require(LiteralWatch(literals: [], rules: specs))
        let differs = try #require(LiteralWatch(literals: [], rules: changed))
        let subject = Subject(kind: .jobPosting, id: "served", fields: [
            SubjectField(name: "description", text: "入职前先交押金500元"),
        ])
        let level1 = ModuleSettings(level: 1)
        _ = try fakeJob.watchingPack(same).restricted(to: level1).evaluate(subject, context: EmptyContext())
        #expect(LiteralWatchMemo.shared.findings(same, in: subject)?.map(\.rule) == ["fake_job.fee.upfront_demand"])
        _ = try fakeJob.watchingPack(differs).restricted(to: level1).evaluate(subject, context: EmptyContext())
        #expect(LiteralWatchMemo.shared.findings(differs, in: subject) == nil)
        // Findings answer only for exactly the fields read: one more (a complainant) or one fewer does not.
        let more = Subject(kind: .jobPosting, id: "served",
                           fields: subject.fields + [SubjectField(name: "complainant", text: "张三")])
        #expect(LiteralWatchMemo.shared.findings(same, in: more) == nil)
        #expect(LiteralWatchMemo.shared.findings(same, in: Subject(kind: .jobPosting, id: "served", fields: [])) == nil)
        #expect(LiteralWatch(literals: [], rules: []) == nil)
    }

    @Test("the memo answers only for the same watch, subject id and field texts")
    func memo() throws {
        let watch = try #require(LiteralWatch(literals: ["中介"]))
        let other = try #require(LiteralWatch(literals: ["中介"]))
        let fields = [SubjectField(name: "title", text: "店员"), SubjectField(name: "description", text: "包吃住")]
        LiteralWatchMemo.shared.record(watch, subjectID: "m1", fields: fields, occurred: [false, false])
        let same = Subject(kind: .jobPosting, id: "m1", fields: fields + [SubjectField(name: "id", text: "m1"),
                                                                        SubjectField(name: "contact", text: "")])
        #expect(LiteralWatchMemo.shared.occurred(watch, in: same) == false)
        #expect(LiteralWatchMemo.shared.occurred(other, in: same) == nil)
        #expect(LiteralWatchMemo.shared.occurred(watch, in: Subject(kind: .jobPosting, id: "m2", fields: fields)) == nil)
        let changed = Subject(kind: .jobPosting, id: "m1", fields: [SubjectField(name: "title", text: "中介")])
        #expect(LiteralWatchMemo.shared.occurred(watch, in: changed) == nil)
        let subset = Subject(kind: .jobPosting, id: "m1", fields: [fields[1]])
        #expect(LiteralWatchMemo.shared.occurred(watch, in: subset) == false)
        #expect(LiteralWatch(literals: []) == nil && LiteralWatch(literals: [""]) == nil)
        // Per field: only the fields where a watched literal occurred, in the asking subject's order.
        let three = fields + [SubjectField(name: "company", text: "某某中介")]
        LiteralWatchMemo.shared.record(watch, subjectID: "m3", fields: three, occurred: [false, false, true])
        let asked = Subject(kind: .jobPosting, id: "m3", fields: [three[2], three[0]])
        #expect(LiteralWatchMemo.shared.fields(watch, in: asked) == [three[2]])
        #expect(LiteralWatchMemo.shared.occurred(watch, in: asked) == true)
        #expect(LiteralWatchMemo.shared.occurred(watch, in: Subject(kind: .jobPosting, id: "m3", fields: fields)) == false)
    }
}
