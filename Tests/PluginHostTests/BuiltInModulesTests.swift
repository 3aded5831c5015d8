@testable import BlackIntermediary
import Foundation
import PatternPack
import PluginHost
import RuleKit
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
}
