/// Generates hostile texts for a pattern: long repetitions of its own literal characters and runs.
enum AdversarialInput {
    /// A few inputs of about `bytes` UTF-8 bytes each.
    static func make(for pattern: String, bytes: Int) -> [String] {
        let characters = literalCharacters(pattern)
        var inputs: [String] = []
        let runs = [String(characters), characters.first.map { String($0) } ?? "a", "a", " "]
        for run in Set(runs) where !run.isEmpty {
            let count = max(1, bytes / max(1, run.utf8.count))
            let repeated = String(repeating: run, count: count)
            inputs.append(repeated)
            inputs.append(repeated + "。")
        }
        if characters.count > 1 {
            let almost = String(characters.dropLast())
            inputs.append(String(repeating: almost, count: max(1, bytes / max(1, almost.utf8.count))))
        }
        return inputs
    }

    /// Characters that appear literally in the pattern (outside escapes and class syntax), in order, unique.
    static func literalCharacters(_ pattern: String) -> [Character] {
        let syntax: Set<Character> = ["(", ")", "[", "]", "{", "}", "?", "*", "+", "|", "^", "$", ".", ":", "<", "=", "!", ","]
        var seen: Set<Character> = []
        var result: [Character] = []
        var escaped = false
        for character in pattern {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if syntax.contains(character) || character.isNumber && character.isASCII { continue }
            if seen.insert(character).inserted { result.append(character) }
        }
        return result.isEmpty ? ["a"] : result
    }
}
