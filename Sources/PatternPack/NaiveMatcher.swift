import PCRE2

/// Runs every pattern over the whole text, one after another (the reference engine).
struct NaiveMatcher: PackMatcher {
    let patterns: [Pattern]
    static let perPatternLimit = 16

    func scan(_ bytes: UnsafeBufferPointer<UInt8>, exceeded: inout [Int]) -> [PatternHit] {
        let scratch = MatchScratch()
        var hits: [PatternHit] = []
        for (index, pattern) in patterns.enumerated() {
            do {
                let ranges = try pattern.allMatches(
                    in: bytes, scratch: scratch, limit: Self.perPatternLimit, assumeValidUTF8: true)
                for range in ranges { hits.append(PatternHit(pattern: index, range: range)) }
            } catch {
                exceeded.append(index)
            }
        }
        return hits
    }
}
