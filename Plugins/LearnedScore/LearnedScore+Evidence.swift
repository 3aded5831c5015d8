import RuleKit

extension LearnedScore {
    /// The n-grams (of two scalars or more when the model has them) whose buckets added most to the score, each
    /// at its first occurrence, strongest first.
    func topEvidence(_ subject: Subject, vector: SparseVector) -> [Evidence] {
        guard evidenceCount > 0 else { return [] }
        let minimumLength = model.header.hashing.maxN >= 2 ? 2 : 1
        var seen = Set<Int>()
        var candidates: [(contribution: Float, occurrence: NGramHasher.Occurrence)] = []
        let weights = model.model.weights
        var values: [Int: Float] = [:]
        for (index, value) in zip(vector.indices, vector.values) { values[Int(index)] = value }
        model.extractor.hasher.forEachNGram(in: subject) { occurrence in
            guard occurrence.length >= minimumLength, !seen.contains(occurrence.bucket) else { return }
            seen.insert(occurrence.bucket)
            let contribution = weights[occurrence.bucket] * (values[occurrence.bucket] ?? 0)
            if contribution > 0 { candidates.append((contribution, occurrence)) }
        }
        candidates.sort { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.occurrence.start < $1.occurrence.start }
        var evidence: [Evidence] = []
        for candidate in candidates where evidence.count < evidenceCount {
            let occurrence = candidate.occurrence
            let field = subject.fields[occurrence.fieldIndex]
            let excerpt = String(decoding: Array(field.text.utf8)[occurrence.start..<occurrence.end], as: UTF8.self)
            // Fragments with punctuation or spaces ("，日") explain little to an operator; show word-like ones.
            guard excerpt.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil })
            else { continue }
            evidence.append(Evidence(field: field.name, start: occurrence.start, end: occurrence.end, excerpt: excerpt))
        }
        return evidence
    }
}
