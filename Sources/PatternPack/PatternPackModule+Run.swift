import PCRE2
import RuleKit

/// Which rules hit a subject and their evidence; indices follow `PatternPackModule.specs`.
struct EvaluationState {
    var hits: [Bool]
    /// Per field the first pass read (every field but `id`, non-empty ones, in order): whether it saw a literal of the
    /// module's ``LiteralWatch`` there. Empty when the module has no watch.
    var watchedByField: [Bool] = []
    /// Per rule, allocated at the first evidence (most subjects have none).
    private var evidenceByRule: [[Evidence]] = []

    init(ruleCount: Int) {
        hits = Array(repeating: false, count: ruleCount)
    }

    /// The evidence recorded for `rule`.
    func evidence(_ rule: Int) -> [Evidence] { evidenceByRule.isEmpty ? [] : evidenceByRule[rule] }

    /// Replaces the evidence of `rule`.
    mutating func setEvidence(_ evidence: [Evidence], for rule: Int) {
        if evidenceByRule.isEmpty { evidenceByRule = Array(repeating: [], count: hits.count) }
        evidenceByRule[rule] = evidence
    }

    /// Appends to the evidence of `rule`.
    mutating func append(_ evidence: Evidence, for rule: Int) {
        if evidenceByRule.isEmpty { evidenceByRule = Array(repeating: [], count: hits.count) }
        evidenceByRule[rule].append(evidence)
    }
}

extension PatternPackModule {
    static let maxEvidence = 5
    static let maxMatchesPerPattern = 16
    static let excerptContext = 12

    /// Runs every pattern over every field (bar `id`), then deferred sub-rules where a meta rule could use them,
    /// then meta rules in dependency order.
    func run(_ subject: Subject, scratch: PatternSet.Scratch? = nil) -> EvaluationState {
        if let scratch { return run(subject, with: scratch) }
        return scratchPool.withScratch { run(subject, with: $0) }
    }

    private func run(_ subject: Subject, with scratch: PatternSet.Scratch) -> EvaluationState {
        var state = EvaluationState(ruleCount: specs.count)
        scanFields(subject, selection: firstPass, firstPass: true, scratch: scratch, into: &state)
        if let firstPass {
            let opened = deferral.opened(by: state.hits)
            if opened.contains(true) {
                let second = owners.indices.map { !firstPass[$0] && opened[owners[$0]] }
                scanFields(subject, selection: second, firstPass: false, scratch: scratch, into: &state)
            }
        }
        // A meta rule that needs some rule to hit cannot hold on a subject where nothing hit (most subjects).
        let anyHit = state.hits.contains(true)
        for index in metaOrder {
            guard let meta = specs[index].meta, anyHit || !meta.needsAHit else { continue }
            let holds = meta.holds { name in ruleIndex[name].map { state.hits[$0] } ?? false }
            guard holds else { continue }
            state.hits[index] = true
            var evidence: [Evidence] = []
            for name in meta.positiveReferences {
                if let other = ruleIndex[name], state.hits[other] { evidence += state.evidence(other) }
            }
            state.setEvidence(Array(Self.unique(evidence).prefix(Self.maxEvidence)), for: index)
        }
        if let watch {
            // The first pass read every field (a selection limits the patterns run, not the automaton's pass); the
            // watch's rules are decided now, meta rules included (ADR 0025).
            let shared = sharedRules.map { rules in rules.compactMap { state.hits[$0] ? finding($0, state) : nil } }
            LiteralWatchMemo.shared.record(
                watch, subjectID: subject.id, fields: Self.fieldsRead(subject.fields), occurred: state.watchedByField,
                findings: shared)
        }
        return state
    }

    /// The fields a pass reads (every field but `id`, non-empty ones), in order: the same array when that is all
    /// of them, else one copy of the right size (`filter` grows its result several times).
    static func fieldsRead(_ fields: [SubjectField]) -> [SubjectField] {
        func isRead(_ field: SubjectField) -> Bool { !field.text.isEmpty && !field.isID }
        if fields.allSatisfy(isRead) { return fields }
        var read: [SubjectField] = []
        read.reserveCapacity(fields.count)
        for field in fields where isRead(field) { read.append(field) }
        return read
    }

    /// Every field but `id`: the first pass takes a long field's result from `fieldCache` when it saw the same
    /// name and text before (ADR 0021); the second pass (deferred sub-rules, a selection that depends on the
    /// subject) always matches, and so does the naive engine — the reference path keeps nothing, so comparing
    /// the engines checks the cache too.
    private func scanFields(
        _ subject: Subject, selection: [Bool]?, firstPass: Bool, scratch: PatternSet.Scratch,
        into state: inout EvaluationState
    ) {
        // Per-field flags only for a pack whose literal watch another module reads (one allocation, not one per
        // doubling).
        let recordsWatch = firstPass && watch != nil
        if recordsWatch { state.watchedByField.reserveCapacity(subject.fields.count) }
        for field in subject.fields where !field.text.isEmpty && !field.isID {
            var text = field.text
            text.withUTF8 { bytes in
                let cacheable = firstPass && engine == .prefilter && bytes.count >= FieldResultCache.minimumLength
                if cacheable, let known = fieldCache.result(name: field.name, text: bytes) {
                    if recordsWatch { state.watchedByField.append(known.watched) }
                    apply(known, field: field.name, original: bytes, into: &state)
                    return
                }
                // The field as written and, if it differs, its compacted view (ADR 0018): a rule hits if it hits in
                // either; an exclusion in either view cancels an overlapping match of both; evidence points into the
                // original.
                let result: FieldResult
                if let compacted = CompactedViewCache.shared.view(of: bytes) {
                    result = compacted.bytes.withUnsafeBufferPointer { view in
                        fieldResult(field.name, FieldView(original: bytes, compacted: (compacted, view)),
                                    selection: selection, scratch: scratch)
                    }
                } else {
                    result = fieldResult(field.name, FieldView(original: bytes), selection: selection, scratch: scratch)
                }
                if cacheable { fieldCache.store(result, name: field.name, text: bytes) }
                if recordsWatch { state.watchedByField.append(result.watched) }
                apply(result, field: field.name, original: bytes, into: &state)
            }
        }
    }

    /// Adds one field's result to the subject's state: hits, and evidence up to ``maxEvidence`` per rule.
    private func apply(_ result: FieldResult, field name: String, original: UnsafeBufferPointer<UInt8>,
                       into state: inout EvaluationState) {
        for (rule, kept) in result.kept {
            state.hits[rule] = true
            let room = Self.maxEvidence - state.evidence(rule).count
            for range in kept.prefix(max(0, room)) {
                state.append(Evidence(
                    field: name, start: range.lowerBound, end: range.upperBound,
                    excerpt: Self.excerpt(original, range, context: Self.excerptContext)), for: rule)
            }
        }
    }

    static func matches(of set: PatternSet, in bytes: UnsafeBufferPointer<UInt8>, selection: [Bool]?,
                        scratch: PatternSet.Scratch) -> [PatternMatch] {
        do {
            return try set.scan(
                bytes, scratch: scratch, maxMatchesPerPattern: Self.maxMatchesPerPattern, assumeValidUTF8: true,
                selection: selection)
        } catch {
            let single = MatchScratch(ovectorPairs: 1)
            var found: [PatternMatch] = []
            for (index, pattern) in set.patterns.enumerated() where selection?[index] ?? true {
                let ranges = try? pattern.allMatches(
                    in: bytes, scratch: single, limit: Self.maxMatchesPerPattern, assumeValidUTF8: true)
                for range in ranges ?? [] { found.append(PatternMatch(pattern: index, range: range)) }
            }
            return found
        }
    }

    /// One field's text as written and, when compaction changes it, its compacted view.
    struct FieldView {
        let original: UnsafeBufferPointer<UInt8>
        var compacted: (text: CompactedText, bytes: UnsafeBufferPointer<UInt8>)?
    }

    /// Matches both views of a field, then runs each matched rule's exclusions once per view; a match is kept
    /// unless an exclusion of either view overlaps it (compared in the original's offsets).
    private func fieldResult(
        _ name: String, _ field: FieldView, selection: [Bool]?, scratch: PatternSet.Scratch
    ) -> FieldResult {
        var result = FieldResult()
        var matches: [Int: [Range<Int>]] = [:]
        func collect(_ bytes: UnsafeBufferPointer<UInt8>, _ toOriginal: (Range<Int>) -> Range<Int>) {
            let hits = Self.matches(of: patternSet, in: bytes, selection: selection, scratch: scratch)
            // Set by the automaton's pass, which is complete even when a PCRE2 run then fails.
            if scratch.watchedLiteralOccurred { result.watched = true }
            for hit in hits {
                let rule = owners[hit.pattern]
                let fields = specs[rule].description.fields
                guard fields.isEmpty || fields.contains(name) else { continue }
                matches[rule, default: []].append(toOriginal(hit.range))
            }
        }
        collect(field.original) { $0 }
        if let compacted = field.compacted { collect(compacted.bytes, compacted.text.originalRange) }
        guard !matches.isEmpty else { return result }
        // The exclude patterns of the matched rules, over each view in one scan of the excludes' set.
        var dropped: [Int: [Range<Int>]] = [:]
        var chosen = [Bool](repeating: false, count: excludeSet.patterns.count)
        for rule in matches.keys { for index in excludeRange[rule] { chosen[index] = true } }
        if chosen.contains(true) {
            // The excludes' scratch is taken only here: most fields of most subjects match no rule.
            excludePool.withScratch { excludeScratch in
                func exclude(_ bytes: UnsafeBufferPointer<UInt8>, _ toOriginal: (Range<Int>) -> Range<Int>) {
                    for hit in Self.matches(of: excludeSet, in: bytes, selection: chosen, scratch: excludeScratch) {
                        dropped[excludeOwners[hit.pattern], default: []].append(toOriginal(hit.range))
                    }
                }
                exclude(field.original) { $0 }
                if let compacted = field.compacted { exclude(compacted.bytes, compacted.text.originalRange) }
            }
        }
        for (rule, ranges) in matches {
            let dropped = dropped[rule] ?? []
            let kept = ranges.filter { range in !dropped.contains { Self.overlaps($0, range) } }
                .sorted { $0.lowerBound < $1.lowerBound }
            guard !kept.isEmpty else { continue }
            result.kept.append((rule, Self.uniqueRanges(kept)))
        }
        return result
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
        return flattened(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// The text of `bytes` with every line break and tab as one space (CR LF is one break, as it is one
    /// `Character`). Works on bytes: these are single-byte scalars, never part of a multi-byte sequence, and a
    /// control character is always a grapheme of its own, so this equals mapping the text's `Character`s.
    static func flattened(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                out.append(0x20)
                i += 2
                continue
            }
            out.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
