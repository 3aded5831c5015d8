import LearnedScore
import RuleKit
import Foundation
import Testing

@Suite("combining rules and model")
struct ScoreBandsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var ruleScore: Int
        var probability: Double
        var points: Int
        var verdict: Verdict
        var testDescription: String { "rules \(ruleScore), p \(probability) → \(verdict)" }
    }

    static let bands = ScoreBands(suspicious: 0.30, likelyFraud: 0.80)

    /// Default thresholds: suspicious from 4, likelyFraud from 8.
    static let table: [Case] = [
        Case(ruleScore: 0, probability: 0.10, points: 0, verdict: .clean),
        Case(ruleScore: 0, probability: 0.29, points: 0, verdict: .clean),
        Case(ruleScore: 0, probability: 0.30, points: 4, verdict: .suspicious),
        Case(ruleScore: 0, probability: 0.79, points: 4, verdict: .suspicious),
        Case(ruleScore: 0, probability: 0.80, points: 8, verdict: .likelyFraud),
        Case(ruleScore: 3, probability: 0.50, points: 4, verdict: .suspicious),
        Case(ruleScore: 4, probability: 0.10, points: 0, verdict: .suspicious),
        Case(ruleScore: 4, probability: 0.50, points: 4, verdict: .likelyFraud),
        Case(ruleScore: 8, probability: 0.00, points: 0, verdict: .likelyFraud),
        Case(ruleScore: 12, probability: 0.99, points: 8, verdict: .likelyFraud),
    ]

    @Test("points and verdicts by band", arguments: table)
    func band(_ row: Case) {
        let thresholds = Thresholds()
        #expect(Self.bands.points(for: row.probability, thresholds: thresholds) == row.points)
        #expect(Self.bands.verdict(ruleScore: row.ruleScore, probability: row.probability, thresholds: thresholds) == row.verdict)
    }

    @Test("points follow the site's thresholds")
    func siteThresholds() {
        let thresholds = Thresholds(suspicious: 5, likelyFraud: 12)
        #expect(Self.bands.points(for: 0.5, thresholds: thresholds) == 5)
        #expect(Self.bands.points(for: 0.9, thresholds: thresholds) == 12)
    }

    @Test("the model never lowers the rules' verdict", arguments: [0, 1, 3, 4, 7, 8, 20])
    func onlyAdds(ruleScore: Int) {
        let thresholds = Thresholds()
        for step in 0...20 {
            let probability = Double(step) / 20
            #expect(Self.bands.verdict(ruleScore: ruleScore, probability: probability, thresholds: thresholds)
                >= thresholds.verdict(for: ruleScore))
        }
    }

    @Test("silent bands add nothing, even at probability 1")
    func silent() {
        #expect(ScoreBands.silent.points(for: 1.0, thresholds: Thresholds()) == 0)
    }

    @Test("the chooser keeps honest postings at likelyFraud within the target")
    func chooserRespectsTarget() {
        var generator = SeededGenerator(seed: 3)
        var probabilities: [Double] = []
        var labels: [Bool] = []
        for index in 0..<2000 {
            let label = index % 20 == 0
            let noise = Double(generator.next() % 1000) / 1000
            probabilities.append(label ? 0.3 + 0.7 * noise : 0.6 * noise * noise)
            labels.append(label)
        }
        let ruleScores = labels.indices.map { $0 % 50 == 1 ? 4 : 0 }
        let target = ThresholdTargets(likelyFraudFPR: 0.01)
        let bands = ThresholdChooser.choose(
            probabilities: probabilities, labels: labels, ruleScores: ruleScores, thresholds: Thresholds(), targets: target)
        var honest = 0
        var honestLikely = 0
        for index in labels.indices where !labels[index] {
            honest += 1
            if bands.verdict(ruleScore: ruleScores[index], probability: probabilities[index], thresholds: Thresholds()) == .likelyFraud {
                honestLikely += 1
            }
        }
        #expect(Double(honestLikely) / Double(honest) <= 0.01)
        #expect(bands.suspicious < 1)
    }

    @Test("with a suspicious target, honest postings at suspicious or above stay within it too")
    func chooserRespectsSuspiciousTarget() {
        // Half the postings fraudulent, as in a balanced training sample: the best-F1 suspicious band lets many
        // honest postings through.
        var generator = SeededGenerator(seed: 5)
        var probabilities: [Double] = []
        var labels: [Bool] = []
        for index in 0..<2000 {
            let label = index % 2 == 0
            let noise = Double(generator.next() % 1000) / 1000
            probabilities.append(label ? 0.2 + 0.8 * noise : 0.7 * noise * noise)
            labels.append(label)
        }
        let ruleScores = [Int](repeating: 0, count: labels.count)
        func honestShare(_ bands: ScoreBands, atLeast verdict: Verdict) -> Double {
            let honest = labels.indices.filter { !labels[$0] }
            let flagged = honest.filter {
                bands.verdict(ruleScore: 0, probability: probabilities[$0], thresholds: Thresholds()) >= verdict
            }
            return Double(flagged.count) / Double(honest.count)
        }
        let byF1 = ThresholdChooser.choose(probabilities: probabilities, labels: labels, ruleScores: ruleScores,
                                           thresholds: Thresholds(), targets: ThresholdTargets(likelyFraudFPR: 0.01))
        #expect(honestShare(byF1, atLeast: .suspicious) > 0.05)
        let capped = ThresholdChooser.choose(
            probabilities: probabilities, labels: labels, ruleScores: ruleScores, thresholds: Thresholds(),
            targets: ThresholdTargets(likelyFraudFPR: 0.01, suspiciousFPR: 0.03))
        #expect(honestShare(capped, atLeast: .suspicious) <= 0.03)
        #expect(honestShare(capped, atLeast: .likelyFraud) <= 0.01)
        #expect(capped.suspicious > byF1.suspicious && capped.suspicious < 1)
    }

    @Test("a model file without a suspicious target reads as before; one with it keeps it")
    func suspiciousTargetCodable() throws {
        let old = try JSONDecoder().decode(ThresholdTargets.self, from: Data(#"{"likelyFraudFPR":0.01}"#.utf8))
        #expect(old == ThresholdTargets(likelyFraudFPR: 0.01))
        #expect(String(decoding: try JSONEncoder().encode(old), as: UTF8.self) == #"{"likelyFraudFPR":0.01}"#)
        let new = ThresholdTargets(likelyFraudFPR: 0.01, suspiciousFPR: 0.05)
        #expect(try JSONDecoder().decode(ThresholdTargets.self, from: JSONEncoder().encode(new)) == new)
    }
}
