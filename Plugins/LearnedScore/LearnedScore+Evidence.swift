import RuleKit

extension LearnedScore {
    /// Whether a fragment explains anything to an operator: letters (digits beside them allowed), not punctuation
    /// or spaces ("，日"), and not decimal digits alone — the model folds every such digit to one, so 「30」 stands
    /// for any two-digit number and would mislead (「三千」 is kept: the model reads Chinese numerals as written).
    public static func readsAsEvidence(_ excerpt: String) -> Bool {
        excerpt.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil })
            && excerpt.unicodeScalars.contains(where: { NGramHasher.normalise($0.value) != 0x30 })
    }

    /// The n-grams (of two scalars or more when the model has them) whose buckets added most to the score, each
    /// at its first occurrence, strongest first (ties: the earlier byte offset first).
    ///
    /// The buckets are ranked by their contribution (weight × feature value) straight from `vector`; the text is then
    /// read for the first occurrences of the strongest few only, a window of them at a time, until enough of them
    /// read as words (``readsAsEvidence(_:)``; a fragment overlapping one already chosen in the same field is
    /// skipped too). Only postings that get points come here.
    func topEvidence(_ subject: Subject, vector: SparseVector) -> [Evidence] {
        guard evidenceCount > 0 else { return [] }
        let minimumLength = model.header.hashing.maxN >= 2 ? 2 : 1
        let weights = model.model.weights
        var ranked: [(contribution: Float, bucket: Int)] = []
        for (index, value) in zip(vector.indices, vector.values) {
            let bucket = Int(index)
            guard bucket < weights.count else { continue }
            let contribution = weights[bucket] * value
            if contribution > 0 { ranked.append((contribution, bucket)) }
        }
        ranked.sort { $0.contribution > $1.contribution }
        var evidence: [Evidence] = []
        // The window doubles after each pass, so a posting whose strong fragments mostly do not read as words
        // (spaced-out text: every bigram holds a space) costs about log₂(buckets) passes, not buckets ÷ window.
        var window = max(evidenceWindow, 1)
        var next = 0
        var utf8: [Int: [UInt8]] = [:]  // each field's bytes, copied once
        while evidence.count < evidenceCount && next < ranked.count {
            defer { window = window > Int.max / 2 ? window : window * 2 }
            // A window that ends inside a run of equal contributions takes the whole run, so ties are ordered by
            // their offsets below, as if every candidate had been ranked at once.
            var end = min(next + window, ranked.count)
            while end < ranked.count && ranked[end].contribution == ranked[end - 1].contribution { end += 1 }
            // The window's buckets in a small open-addressing table (bucket → rank), read once per n-gram.
            var capacity = 8
            while capacity < 4 * (end - next) { capacity <<= 1 }
            let mask = capacity - 1
            var keys = [Int](repeating: -1, count: capacity)
            var ranks = [Int](repeating: 0, count: capacity)
            for rank in next..<end {
                var slot = (ranked[rank].bucket &* 0x9E37_79B1) & mask
                while keys[slot] >= 0 { slot = (slot + 1) & mask }
                keys[slot] = ranked[rank].bucket
                ranks[slot] = rank
            }
            var first = [NGramHasher.Occurrence?](repeating: nil, count: end - next)
            model.extractor.hasher.forEachNGram(in: subject) { occurrence in
                guard occurrence.length >= minimumLength else { return }
                var slot = (occurrence.bucket &* 0x9E37_79B1) & mask
                while keys[slot] >= 0 {
                    if keys[slot] == occurrence.bucket {
                        if first[ranks[slot] - next] == nil { first[ranks[slot] - next] = occurrence }
                        return
                    }
                    slot = (slot + 1) & mask
                }
            }
            let candidates = (next..<end).compactMap { rank in first[rank - next].map { (ranked[rank].contribution, $0) } }
                .sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1.start < $1.1.start }
            for (_, occurrence) in candidates where evidence.count < evidenceCount {
                let field = subject.fields[occurrence.fieldIndex]
                let bytes = utf8[occurrence.fieldIndex] ?? Array(field.text.utf8)
                utf8[occurrence.fieldIndex] = bytes
                let excerpt = String(decoding: bytes[occurrence.start..<occurrence.end], as: UTF8.self)
                guard Self.readsAsEvidence(excerpt) else { continue }
                // A fragment overlapping one already shown (「日结」 then 「日结三」) repeats it.
                guard !evidence.contains(where: {
                    $0.field == field.name && $0.start < occurrence.end && occurrence.start < $0.end
                }) else { continue }
                evidence.append(Evidence(field: field.name, start: occurrence.start, end: occurrence.end, excerpt: excerpt))
            }
            next = end
        }
        return evidence
    }
}
