@testable import PatternPack
import PCRE2
import RuleKit
import Testing
import SeededRandom

/// Reused scratches and byte-level excerpts: the evaluation must not change.
@Suite("Running a pack: reused scratches, excerpts")
struct PackRunTests {
    @Test("line breaks and tabs become one space each, CR LF one space, as mapping the text's characters does")
    func flattenedEqualsCharacterMapping() {
        var rng = SplitMix64(seed: 2026)
        let parts = ["\r\n", "\r", "\n", "\t", "e\u{301}", "\n\u{301}", "押金", "🇨🇳", "a", " ", "，", "\r\r\n"]
        for _ in 0..<2_000 {
            let text = (0..<rng.int(0...11)).map { _ in rng.pick(parts) }.joined()
            let expected = String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
            let bytes = Array(text.utf8)
            let flattened = bytes.withUnsafeBufferPointer { PatternPackModule.flattened($0) }
            #expect(flattened == expected, "\(Array(text.unicodeScalars))")
        }
    }

    @Test("an excerpt keeps up to twelve characters either side and flattens line breaks")
    func excerpt() {
        let text = "第一行\r\n入职前需交押金300元\t现场办理"
        let bytes = Array(text.utf8)
        let start = Array("第一行\r\n入职前需交".utf8).count
        let end = start + Array("押金".utf8).count
        let excerpt = bytes.withUnsafeBufferPointer { PatternPackModule.excerpt($0, start..<end, context: 12) }
        #expect(excerpt == "第一行 入职前需交押金300元 现场办理")
    }

    @Test("a restricted copy reuses the pack's literal analyses and gets the literals a fresh analysis gives")
    func restrictedCopiesShareAnalyses() throws {
        let module = try Fixtures.demo(engine: .prefilter)
        let analysed = (module.literalCaches.patterns.count, module.literalCaches.excludes.count)
        #expect(analysed.0 == module.patternSet.patterns.count)
        #expect(analysed.1 > 0)
        let restricted = module.restricted(to: ModuleSettings(level: 1))
        #expect(restricted.patternSet.patterns.count < module.patternSet.patterns.count)
        #expect((module.literalCaches.patterns.count, module.literalCaches.excludes.count) == analysed)
        let fresh = try PatternSet(patterns: restricted.patternSet.patterns.map(\.source))
        for index in fresh.patterns.indices {
            #expect(restricted.patternSet.requiredLiteralSets(ofPattern: index)
                    == fresh.requiredLiteralSets(ofPattern: index))
        }
    }

    @Test("packs compile each pattern once: restricted copies and packs loaded apart share the compiled patterns")
    func packsShareCompiledPatterns() throws {
        let module = try Fixtures.demo(engine: .prefilter)
        #expect(module.compiled.patterns.isEmpty)
        let full = Dictionary((module.patternSet.patterns + module.excludeSet.patterns).map { ($0.source, $0) },
                              uniquingKeysWith: { first, _ in first })
        let restricted = module.restricted(to: ModuleSettings(level: 1))
        #expect(!restricted.patternSet.patterns.isEmpty && !restricted.excludeSet.patterns.isEmpty)
        for pattern in restricted.patternSet.patterns + restricted.excludeSet.patterns {
            #expect(full[pattern.source] === pattern)
        }
        let apart = try Fixtures.demo(engine: .prefilter)
        for pattern in apart.patternSet.patterns + apart.excludeSet.patterns { #expect(full[pattern.source] === pattern) }
        // The naive engine compiles without offset limits: patterns of its own.
        let naive = try Fixtures.demo(engine: .naive)
        for pattern in naive.patternSet.patterns { #expect(full[pattern.source] !== pattern) }
    }

    @Test("evaluations from many tasks at once, sharing the module's scratches, equal one-by-one evaluations")
    func concurrentEvaluationsEqualSequential() async throws {
        let module = try Fixtures.demo(engine: .prefilter)
        let texts = ["入职前需交押金", "我们不收取任何押金", "无需交押金。另外收取保证金", "加V信了解详情", "正常招聘，五险一金"]
        let subjects = (0..<400).map { Fixtures.posting(texts[$0 % texts.count] + String(repeating: "。", count: $0 % 7)) }
        let sequential = try subjects.map { try module.evaluate($0, context: EmptyContext()) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, [Finding]).self) { group in
            for (index, subject) in subjects.enumerated() {
                group.addTask { (index, try module.evaluate(subject, context: EmptyContext())) }
            }
            var results = [[Finding]](repeating: [], count: subjects.count)
            for try await (index, findings) in group { results[index] = findings }
            return results
        }
        #expect(concurrent == sequential)
        #expect(sequential.contains { !$0.isEmpty })
    }
}
