import Foundation
import RuleKit

/// Every user-facing text of the learned scorer, in Chinese and English.
enum LearnedScoreText {
    static let ruleName = LocalizedText(zh: "统计模型评分", en: "Learned model score")

    static func message(probability: Double, points: Int, snippets: [String]) -> LocalizedText {
        let p = String(format: "%.2f", probability)
        let quotedZH = snippets.map { "「\($0)」" }.joined()
        let quotedEN = snippets.map { "\"\($0)\"" }.joined(separator: ", ")
        if snippets.isEmpty {
            return LocalizedText(zh: "模型估计欺诈概率 \(p)，加 \(points) 分", en: "Model probability \(p); adds \(points) points")
        }
        return LocalizedText(
            zh: "模型估计欺诈概率 \(p)，加 \(points) 分；推高概率的片段：\(quotedZH)",
            en: "Model probability \(p); adds \(points) points; text that raised it: \(quotedEN)")
    }

    static func tooLittleText(_ count: Int, minimum: Int) -> LocalizedText {
        LocalizedText(
            zh: "模型未评分：模型读取的字段只有 \(count) 个字（至少需要 \(minimum) 个），不加分",
            en: "Model did not score: the fields it reads hold \(count) characters (it needs \(minimum)); adds 0 points")
    }
}
