import LearnedScore
import RuleKit
import Testing

/// The evidence of `learned.score` against a plain reference: every n-gram's first occurrence ranked by its bucket's
/// contribution (the algorithm before the window), whatever the window.
@Suite("learned.score evidence")
struct EvidenceTests {
    /// The reference: all first occurrences (of two scalars or more), strongest first, ties by offset, word-like
    /// only (not digits alone), none overlapping an earlier one in its field.
    static func reference(_ model: LearnedModel, _ subject: Subject, count: Int, readable: Bool = true) -> [Evidence] {
        let vector = model.extractor.vector(for: subject)
        var values: [Int: Float] = [:]
        for (index, value) in zip(vector.indices, vector.values) { values[Int(index)] = value }
        var seen = Set<Int>()
        var candidates: [(Float, NGramHasher.Occurrence)] = []
        model.extractor.hasher.forEachNGram(in: subject) { occurrence in
            guard occurrence.length >= 2, !seen.contains(occurrence.bucket) else { return }
            seen.insert(occurrence.bucket)
            let contribution = model.model.weights[occurrence.bucket] * (values[occurrence.bucket] ?? 0)
            if contribution > 0 { candidates.append((contribution, occurrence)) }
        }
        candidates.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1.start < $1.1.start }
        var evidence: [Evidence] = []
        for (_, occurrence) in candidates where evidence.count < count {
            let field = subject.fields[occurrence.fieldIndex]
            let excerpt = String(decoding: Array(field.text.utf8)[occurrence.start..<occurrence.end], as: UTF8.self)
            guard excerpt.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil }),
                  !readable || !excerpt.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal }),
                  !readable || !evidence.contains(where: { $0.field == field.name && $0.start < occurrence.end && occurrence.start < $0.end })
            else { continue }
            evidence.append(Evidence(field: field.name, start: occurrence.start, end: occurrence.end, excerpt: excerpt))
        }
        return evidence
    }

    @Test("every window gives the reference's evidence", arguments: [1, 2, 5, 16, 1000])
    func sameAsReference(window: Int) {
        let model = ModuleTests.eager
        var subjects = Fixture.postings.map(\.subject)
        // Punctuation between every character: most strong bigrams are not word-like, so small windows run out.
        subjects.append(Fixture.posting("日，结，高，薪，押，金，先，交，微，信，刷，单，" + String(repeating: "在家兼职日结押金 ", count: 20)))
        var compared = 0
        for count in [1, 3, 8] {
            let module = LearnedScore(model: model, thresholds: Thresholds(), evidenceCount: count, evidenceWindow: window)
            for subject in subjects {
                let finding = module.finding(for: subject)
                #expect(finding.score > 0)
                let expected = Self.reference(model, subject, count: count)
                #expect(finding.evidence == expected, "count \(count), window \(window): \(finding.evidence.map(\.excerpt)) vs \(expected.map(\.excerpt))")
                if !expected.isEmpty { compared += 1 }
            }
        }
        #expect(compared > Fixture.postings.count)
    }

    @Test("evidence is never digits alone and never overlaps itself within a field")
    func readable() {
        let module = LearnedScore(model: ModuleTests.eager, thresholds: Thresholds(), evidenceCount: 8)
        var subjects = Fixture.postings.map(\.subject)
        subjects.append(Subject(kind: .jobPosting, id: "n", fields: [
            SubjectField(name: "salary", text: "300-500元/天 日结 300 500 3000"),
            SubjectField(name: "description", text: "在家兼职打字，日结三百，先交押金三百元，日结日结日结。"),
        ]))
        var filtered = 0
        for subject in subjects {
            let evidence = module.finding(for: subject).evidence
            for (index, item) in evidence.enumerated() {
                #expect(item.excerpt.unicodeScalars.contains { $0.properties.numericType != .decimal }, "\(item.excerpt)")
                for other in evidence[..<index] where other.field == item.field {
                    #expect(other.end <= item.start || item.end <= other.start, "\(other.excerpt) / \(item.excerpt)")
                }
            }
            // What the filters removed: digits alone, or a fragment overlapping an earlier one.
            let unfiltered = Self.reference(ModuleTests.eager, subject, count: 8, readable: false)
            if unfiltered != evidence { filtered += 1 }
        }
        #expect(filtered > 0, "the postings should hold fragments the filters remove")
    }

    @Test("Chinese numerals read as evidence (the model does not fold them); decimal digits alone do not")
    func numerals() {
        #expect(LearnedScore.readsAsEvidence("三千"))
        #expect(LearnedScore.readsAsEvidence("日结300"))
        #expect(!LearnedScore.readsAsEvidence("300"))
        #expect(!LearnedScore.readsAsEvidence("３０"))
        #expect(!LearnedScore.readsAsEvidence("，日"))
    }

    @Test("spaced-out text, where few fragments read as words, still gives the reference's evidence")
    func spacedOut() {
        let spaced = String(repeating: "日 结 押 金 刷 单 兼 职 ", count: 40)
        let subject = Fixture.posting(spaced, title: "在家兼职日结")
        for window in [1, 16] {
            let module = LearnedScore(model: ModuleTests.eager, thresholds: Thresholds(), evidenceWindow: window)
            #expect(module.finding(for: subject).evidence == Self.reference(ModuleTests.eager, subject, count: 3))
        }
    }
}
