import Foundation
import RuleKit

extension FeatureExtractor {
    /// Sums the signed occurrences of every hashed n-gram of the subject's model fields and hands `body` the distinct
    /// buckets in order of first occurrence, each with its sum and the feature group of its first occurrence
    /// (buckets whose occurrences cancel out have sum 0; callers skip them). The buffers live only during `body`.
    ///
    /// The sums are kept in an open-addressing table sized from the number of n-grams the fields can hold (the
    /// fields' Unicode scalars × the n-gram lengths), in one scratch allocation: no array grows per n-gram, and the
    /// table is a few times the n-grams, not the UTF-8 bytes.
    func withTermCounts<Result>(
        of subject: Subject,
        _ body: (UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<Float>, UnsafeMutableBufferPointer<UInt8>)
            -> Result
    ) -> Result {
        let parameters = hasher.parameters
        var scalars = 0
        for field in subject.fields where parameters.fieldGroups[field.name] != nil {
            scalars += Self.scalarCount(field.text)
        }
        let bound = max(scalars * (parameters.maxN - parameters.minN + 1), 1)
        var capacity = 16
        while capacity < bound * 2 { capacity <<= 1 }
        let mask = capacity - 1
        // One block: the table's slots (Int32), then buckets (Int32), sums (Float) and groups (UInt8), `bound` each.
        let byteCount = (capacity + 2 * bound) * 4 + bound
        return withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: 4) { raw in
            let slots = raw.baseAddress!.bindMemory(to: Int32.self, capacity: capacity)
            slots.initialize(repeating: -1, count: capacity)
            let buckets = (raw.baseAddress! + capacity * 4).bindMemory(to: Int32.self, capacity: bound)
            let sums = (raw.baseAddress! + (capacity + bound) * 4).bindMemory(to: Float.self, capacity: bound)
            let groups = (raw.baseAddress! + (capacity + 2 * bound) * 4).bindMemory(to: UInt8.self, capacity: bound)
            var count = 0
            hasher.forEachNGramInline(in: subject) { occurrence in
                let bucket = Int32(truncatingIfNeeded: occurrence.bucket)
                var slot = Int(UInt32(bitPattern: bucket) &* 0x9E37_79B1) & mask
                while true {
                    let entry = slots[slot]
                    if entry < 0 {
                        // `bound` counts every n-gram the fields can give (Swift strings are valid UTF-8, so the
                        // hasher decodes exactly the scalars counted), so `count` stays below it; the check keeps
                        // the writes in bounds even if that ever failed.
                        guard count < bound else { return }
                        slots[slot] = Int32(truncatingIfNeeded: count)
                        buckets[count] = bucket
                        sums[count] = occurrence.sign
                        groups[count] = UInt8(truncatingIfNeeded: occurrence.group)
                        count += 1
                        return
                    }
                    if buckets[Int(entry)] == bucket {
                        sums[Int(entry)] += occurrence.sign
                        return
                    }
                    slot = (slot + 1) & mask
                }
            }
            return body(
                UnsafeMutableBufferPointer(start: buckets, count: count), UnsafeMutableBufferPointer(start: sums, count: count),
                UnsafeMutableBufferPointer(start: groups, count: count))
        }
    }

    /// The number of Unicode scalars of `text` (its UTF-8 bytes that do not continue a scalar).
    static func scalarCount(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? text.unicodeScalars.count
    }

    /// `model.margin(vector(for: subject))` computed without building the vectors: the same operations on the same
    /// values in the same order, so the same `Double` to the bit (a test holds the two paths to that), at a fraction
    /// of the allocations. The scoring path of ``LearnedModel/probability(for:)`` and ``LearnedScore``.
    public func margin(for subject: Subject, model: LogisticModel) -> Double {
        let perGroup = hasher.parameters.groupNorm
        let binary = hasher.parameters.binaryTF, sublinear = hasher.parameters.sublinearTF
        let groupCount = perGroup ? hasher.groupNames.count + 1 : 1
        return withTermCounts(of: subject) { buckets, sums, groups in
            // The groups' norms, then (from `groupCount` on) 1 for each group with a non-zero value
            // (``filledGroups(_:)``).
            return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * groupCount) { norms in
                norms.initialize(repeating: 0)
                // Term frequency × bucket weight, in place of the sums (as `weighted` computes them), and the norms.
                var kept = 0
                for position in 0..<buckets.count where sums[position] != 0 {
                    var value = Self.termFrequency(sums[position], binary: binary, sublinear: sublinear)
                    if let bucketWeights { value *= bucketWeights[Int(buckets[position])] }
                    buckets[kept] = buckets[position]
                    sums[kept] = value
                    groups[kept] = groups[position]
                    norms[perGroup ? Int(groups[kept]) : 0] += value * value
                    if value != 0 && perGroup { norms[groupCount + Int(groups[kept])] = 1 }
                    kept += 1
                }
                for i in 0..<groupCount { norms[i] = norms[i].squareRoot() }
                var sum = Double(model.bias)
                model.weights.withUnsafeBufferPointer { w in
                    for position in 0..<kept {
                        var value = sums[position]
                        let norm = norms[perGroup ? Int(groups[position]) : 0]
                        if norm > 0 { value /= norm }
                        let i = Int(buckets[position])
                        if i < w.count { sum += Double(w[i]) * Double(value) }
                    }
                }
                // An empty group (no non-zero value) adds its imputed margin (ADR 0029).
                if let emptyGroupMargins {
                    for group in emptyGroupMargins.indices where norms[groupCount + group] == 0 {
                        sum += Double(emptyGroupMargins[group])
                    }
                }
                return sum
            }
        }
    }
}
