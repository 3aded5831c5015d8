import Foundation

/// Finds route phrases in a caller's narrative, skipping a phrase negated just before it ("不收押金", "没有欠薪").
///
/// A match counts unless one of 不 没 无 免 未 appears in the up to four characters before it, looking back no
/// further than the previous punctuation mark. A phrase may contain `…`, a gap of up to ``maxGap`` characters within
/// one clause: `拖欠…工资` finds 拖欠三个月工资. This is a simple heuristic: the clerk checks every suggestion.
enum NarrativeMatcher {
    static let negations: Set<Character> = ["不", "没", "无", "免", "未"]
    static let stops: Set<Character> = ["。", "，", "；", "！", "？", ",", ";", "!", "?", "、", "\n", "：", ":"]

    static func containsAny(_ phrases: [String], in text: String) -> Bool {
        phrases.contains { contains($0, in: text) }
    }

    /// The most characters a `…` in a phrase stands for.
    static let maxGap = 8

    static func contains(_ phrase: String, in text: String) -> Bool {
        let parts = phrase.components(separatedBy: "…").filter { !$0.isEmpty }
        guard let first = parts.first else { return false }
        var searchStart = text.startIndex
        while let range = text.range(of: first, range: searchStart..<text.endIndex) {
            if !isNegated(before: range.lowerBound, in: text),
               followsWithinGaps(parts.dropFirst(), after: range.upperBound, in: text) {
                return true
            }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }

    /// True when each part occurs, in order, at most `maxGap` characters after the previous one, in the same clause.
    private static func followsWithinGaps(_ parts: ArraySlice<String>, after start: String.Index,
                                          in text: String) -> Bool {
        guard let part = parts.first else { return true }
        var windowEnd = start
        var taken = 0
        while windowEnd < text.endIndex, taken < maxGap + part.count, !stops.contains(text[windowEnd]) {
            windowEnd = text.index(after: windowEnd)
            taken += 1
        }
        guard let found = text.range(of: part, range: start..<windowEnd) else { return false }
        return followsWithinGaps(parts.dropFirst(), after: found.upperBound, in: text)
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
