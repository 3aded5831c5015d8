import PCRE2
import RuleKit

/// Which rules hit a subject and their evidence; indices follow `PatternPackModule.specs`.
struct EvaluationState {
    var hits: [Bool]
    var evidence: [[Evidence]]
}

extension PatternPackModule {
    static let maxEvidence = 5
    static let maxMatchesPerPattern = 16
    static let excerptContext = 12

    /// Runs every pattern over every field (bar `id`), then meta rules in dependency order.
    func run(_ subject: Subject) -> EvaluationState {
        var state = EvaluationState(
            hits: Array(repeating: false, count: specs.count), evidence: Array(repeating: [], count: specs.count))
        let scratch = patternSet.makeScratch()
        for field in subject.fields where field.name != "id" && !field.text.isEmpty {
            var text = field.text
            text.withUTF8 { bytes in scanField(field.name, bytes, scratch: scratch, into: &state) }
        }
        for index in metaOrder {
            guard let meta = specs[index].meta else { continue }
            let holds = meta.holds { name in ruleIndex[name].map { state.hits[$0] } ?? false }
            guard holds else { continue }
            state.hits[index] = true
            var evidence: [Evidence] = []
            for name in meta.positiveReferences {
                if let other = ruleIndex[name], state.hits[other] { evidence += state.evidence[other] }
            }
            state.evidence[index] = Array(Self.unique(evidence).prefix(Self.maxEvidence))
        }
        return state
    }

    /// Every match in one field; a pattern that exceeds its match limit is skipped, the others still count.
    func matches(in bytes: UnsafeBufferPointer<UInt8>, scratch: PatternSet.Scratch) -> [PatternMatch] {
        do {
            return try patternSet.scan(bytes, scratch: scratch, maxMatchesPerPattern: Self.maxMatchesPerPattern, assumeValidUTF8: true)
        } catch {
            let single = MatchScratch(ovectorPairs: 1)
            var found: [PatternMatch] = []
            for (index, pattern) in patternSet.patterns.enumerated() {
                let ranges = try? pattern.allMatches(
                    in: bytes, scratch: single, limit: Self.maxMatchesPerPattern, assumeValidUTF8: true)
                for range in ranges ?? [] { found.append(PatternMatch(pattern: index, range: range)) }
            }
            return found
        }
    }

    private func scanField(
        _ name: String, _ bytes: UnsafeBufferPointer<UInt8>, scratch: PatternSet.Scratch,
        into state: inout EvaluationState
    ) {
        let hits = matches(in: bytes, scratch: scratch)
        guard !hits.isEmpty else { return }
        var matches: [Int: [Range<Int>]] = [:]
        for hit in hits {
            let rule = owners[hit.pattern]
            let fields = specs[rule].description.fields
            guard fields.isEmpty || fields.contains(name) else { continue }
            matches[rule, default: []].append(hit.range)
        }
        for (rule, ranges) in matches {
            let dropped = excludeMatches(rule, in: bytes)
            let kept = ranges.filter { range in !dropped.contains { Self.overlaps($0, range) } }
                .sorted { $0.lowerBound < $1.lowerBound }
            guard !kept.isEmpty else { continue }
            state.hits[rule] = true
            let room = Self.maxEvidence - state.evidence[rule].count
            for range in Self.uniqueRanges(kept).prefix(max(0, room)) {
                state.evidence[rule].append(Evidence(
                    field: name, start: range.lowerBound, end: range.upperBound,
                    excerpt: Self.excerpt(bytes, range, context: Self.excerptContext)))
            }
        }
    }

    /// Matches of rule `rule`'s exclude patterns in the field (a pattern over its match limit cancels nothing).
    private func excludeMatches(_ rule: Int, in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let patterns = excludePatterns[rule]
        guard !patterns.isEmpty else { return [] }
        let scratch = MatchScratch(ovectorPairs: 1)
        return patterns.flatMap { pattern in
            (try? pattern.allMatches(
                in: bytes, scratch: scratch, limit: Self.maxMatchesPerPattern, assumeValidUTF8: true)) ?? []
        }
    }

    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.lowerBound < b.upperBound && b.lowerBound < a.upperBound
            || (a.isEmpty && b.contains(a.lowerBound)) || (b.isEmpty && a.contains(b.lowerBound))
    }

    private static func uniqueRanges(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var seen: Set<Range<Int>> = []
        return ranges.filter { seen.insert($0).inserted }
    }

    private static func unique(_ evidence: [Evidence]) -> [Evidence] {
        var seen: Set<Evidence> = []
        return evidence.filter { seen.insert($0).inserted }
    }

    /// The matched bytes plus up to `context` characters either side, as text with line breaks flattened.
    static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, context: Int) -> String {
        var start = range.lowerBound
        var steps = 0
        while start > 0 && steps < context {
            start -= 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            steps += 1
        }
        var end = range.upperBound
        steps = 0
        while end < bytes.count && steps < context {
            end += 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            steps += 1
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
    }
}
