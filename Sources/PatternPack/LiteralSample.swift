import Foundation
import PCRE2

/// Sample texts used to rank the prefilter's required literals by rarity (rarer literals mean fewer patterns run).
///
/// Only speed depends on it: findings are identical with or without a sample. The frequency of a literal is the
/// share of sample texts containing it (ASCII letters in any case, as the prefilter finds them), smoothed so an
/// unseen literal is not 0.
///
/// Look-ups are cheap because a scan builds its registry with a sample at every start: a per-character index
/// (which texts contain each character, as bit sets) narrows a literal to the texts holding all its characters,
/// and only those are searched; results are cached for the sample's lifetime, across pattern sets.
///
/// ```swift
/// let sample = LiteralSample(texts: firstThousandPostings)
/// let module = try PackLoader.load(directory: "rules/fake-job", literalSample: sample)
/// ```
public struct LiteralSample: Sendable {
    private let bytes: [UInt8]
    private let ends: [Int]
    private let index: CharacterIndex
    /// How often each byte value occurs in the sample: a literal is searched for by its rarest byte.
    private let byteCounts: [Int]
    private let cache = FrequencyCache()

    /// Creates a sample from texts (one per posting; join a posting's fields first).
    public init(texts: [String]) {
        // ASCII case folded, as the prefilter's automaton matches literals (its literals are folded too).
        let texts = texts.map { ASCIICaseFolding.folded($0) as String }
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for text in texts {
            bytes += text.utf8
            ends.append(bytes.count)
        }
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        self.bytes = bytes
        self.ends = ends
        byteCounts = counts
        index = CharacterIndex(texts: texts)
    }

    /// Number of sample texts.
    public var count: Int { ends.count }

    /// Smoothed share of sample texts containing `literal`.
    public func frequency(_ literal: String) -> Double {
        guard !literal.isEmpty else { return 1 }
        let literal: String = ASCIICaseFolding.folded(literal)
        if let known = cache.value(for: literal) { return known }
        let value = (Double(containingCount(literal)) + 0.5) / Double(ends.count + 1)
        cache.store(value, for: literal)
        return value
    }

    /// Number of sample texts whose bytes contain `literal`'s bytes.
    func containingCount(_ literal: String) -> Int {
        let needle = Array(literal.utf8)
        guard !needle.isEmpty else { return ends.count }
        let candidates = index.textsContaining(every: literal.unicodeScalars)
        if literal.unicodeScalars.count == 1 { return candidates.reduce(0) { $0 + $1.nonzeroBitCount } }
        // The needle's rarest byte in the sample (in Chinese text a lead byte such as E5 is every third byte, a
        // given continuation byte far rarer): fewer false starts to check.
        let anchor = needle.indices.min { byteCounts[Int(needle[$0])] < byteCounts[Int(needle[$1])] } ?? 0
        var containing = 0
        for (word, bits) in candidates.enumerated() where bits != 0 {
            var rest = bits
            while rest != 0 {
                let text = word * 64 + rest.trailingZeroBitCount
                rest &= rest - 1
                if contains(needle, anchor: anchor, from: text == 0 ? 0 : ends[text - 1], to: ends[text]) {
                    containing += 1
                }
            }
        }
        return containing
    }

    /// Whether `bytes[start..<end]` contains `needle`, looking for `needle[anchor]` first.
    private func contains(_ needle: [UInt8], anchor: Int, from start: Int, to end: Int) -> Bool {
        bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress, pin.indices.contains(anchor) else {
                    return false
                }
                // `position` is where the needle would start; its anchor byte is searched for at position + anchor.
                var position = start
                while position + pin.count <= end {
                    let from = position + anchor
                    guard let hit = memchr(base + from, Int32(pin[anchor]), end - pin.count + anchor - from + 1) else {
                        return false
                    }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
                    if memcmp(base + at, pinBase, pin.count) == 0 { return true }
                    position = at + 1
                }
                return false
            }
        }
    }

    /// The frequency function handed to a pattern set's construction (cached for the sample's lifetime).
    func rarityFunction() -> (String) -> Double {
        { literal in frequency(literal) }
    }
}

/// Which sample texts contain each Unicode scalar, as bit sets over the texts.
struct CharacterIndex: Sendable {
    private let slots: [UInt32: Int]
    private let sets: [[UInt64]]
    private let words: Int

    init(texts: [String]) {
        words = (texts.count + 63) / 64
        var slots: [UInt32: Int] = [:]
        var sets: [[UInt64]] = []
        var lastText: [Int] = []
        for (text, string) in texts.enumerated() {
            for scalar in string.unicodeScalars {
                let slot: Int
                if let known = slots[scalar.value] {
                    slot = known
                    if lastText[slot] == text { continue }
                } else {
                    slot = sets.count
                    slots[scalar.value] = slot
                    sets.append(Array(repeating: 0, count: words))
                    lastText.append(-1)
                }
                lastText[slot] = text
                sets[slot][text / 64] |= 1 << UInt64(text % 64)
            }
        }
        self.slots = slots
        self.sets = sets
    }

    /// The texts holding every scalar of `scalars` (all texts for none).
    func textsContaining(every scalars: String.UnicodeScalarView) -> [UInt64] {
        var result = Array(repeating: UInt64.max, count: words)
        for scalar in scalars {
            guard let slot = slots[scalar.value] else { return Array(repeating: 0, count: words) }
            for word in 0..<words { result[word] &= sets[slot][word] }
        }
        return result
    }
}

/// Literal frequencies already computed for one sample.
///
/// `@unchecked Sendable` is safe: the dictionary is only read and written while holding `lock`.
final class FrequencyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Double] = [:]

    func value(for literal: String) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        return values[literal]
    }

    func store(_ value: Double, for literal: String) {
        lock.lock()
        defer { lock.unlock() }
        values[literal] = value
    }
}
