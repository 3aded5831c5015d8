import Foundation

/// Finds route phrases in a caller's narrative, skipping a phrase negated just before it ("不收押金", "没有欠薪").
///
/// A match counts unless one of 不 没 无 免 未 appears in the up to four characters before it, looking back no
/// further than the previous punctuation mark. This is a simple heuristic: the clerk checks every suggestion.
enum NarrativeMatcher {
    static let negations: Set<Character> = ["不", "没", "无", "免", "未"]
    static let stops: Set<Character> = ["。", "，", "；", "！", "？", ",", ";", "!", "?", "、", "\n", "：", ":"]

    static func containsAny(_ phrases: [String], in text: String) -> Bool {
        phrases.contains { contains($0, in: text) }
    }

    static func contains(_ phrase: String, in text: String) -> Bool {
        guard !phrase.isEmpty else { return false }
        var searchStart = text.startIndex
        while let range = text.range(of: phrase, range: searchStart..<text.endIndex) {
            if !isNegated(before: range.lowerBound, in: text) { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }

    private static func isNegated(before index: String.Index, in text: String) -> Bool {
        var cursor = index
        var looked = 0
        while cursor > text.startIndex, looked < 4 {
            cursor = text.index(before: cursor)
            let character = text[cursor]
            if stops.contains(character) { return false }
            if negations.contains(character) { return true }
            looked += 1
        }
        return false
    }
}
