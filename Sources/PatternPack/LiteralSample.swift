import Foundation

/// Sample texts used to rank the prefilter's required literals by rarity (rarer literals mean fewer patterns run).
///
/// Only speed depends on it: findings are identical with or without a sample. The frequency of a literal is the
/// share of sample texts containing it, smoothed so an unseen literal is not 0.
///
/// ```swift
/// let sample = LiteralSample(texts: firstThousandPostings)
/// let module = try PackLoader.load(directory: "rules/fake-job", literalSample: sample)
/// ```
public struct LiteralSample: Sendable {
    private let bytes: [UInt8]
    private let ends: [Int]

    /// Creates a sample from texts (one per posting; join a posting's fields first).
    public init(texts: [String]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for text in texts {
            bytes += text.utf8
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }

    /// Number of sample texts.
    public var count: Int { ends.count }

    /// Smoothed share of sample texts containing `literal`.
    public func frequency(_ literal: String) -> Double {
        let needle = Array(literal.utf8)
        guard !needle.isEmpty else { return 1 }
        var containing = 0
        var start = 0
        for end in ends {
            if contains(needle, from: start, to: end) { containing += 1 }
            start = end
        }
        return (Double(containing) + 0.5) / Double(ends.count + 1)
    }

    private func contains(_ needle: [UInt8], from start: Int, to end: Int) -> Bool {
        bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress, let first = pin.first, let pinBase = pin.baseAddress else { return false }
                var position = start
                while position + pin.count <= end {
                    guard let hit = memchr(base + position, Int32(first), end - position - pin.count + 1) else { return false }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, pinBase, pin.count) == 0 { return true }
                    position = at + 1
                }
                return false
            }
        }
    }

    /// A caching frequency function for one pattern-set construction.
    func rarityFunction() -> (String) -> Double {
        var cache: [String: Double] = [:]
        return { literal in
            if let known = cache[literal] { return known }
            let value = frequency(literal)
            cache[literal] = value
            return value
        }
    }
}
