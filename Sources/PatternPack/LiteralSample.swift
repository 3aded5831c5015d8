import Foundation
import PCRE2

/// Sample texts used to rank the prefilter's required literals by rarity (rarer literals mean fewer patterns run).
///
/// Only speed depends on it: findings are identical with or without a sample. The frequency of a literal is the
/// share of sample texts containing it (ASCII letters in any case, as the prefilter finds them), smoothed so an
/// unseen literal is not 0.
///
/// Look-ups are cheap because a scan builds its registry with a sample at every start: an index of which texts
/// contain each character and each pair of adjacent characters (``GramIndex``) answers a literal of one or two
/// characters exactly and narrows a longer one to the texts holding all its pairs, and only those are searched.
/// Results are cached for the sample's lifetime, across pattern sets.
///
/// ```swift
/// let sample = LiteralSample(texts: firstThousandPostings)
/// let module = try PackLoader.load(directory: "rules/fake-job", literalSample: sample)
/// ```
public struct LiteralSample: Sendable {
    /// The texts' UTF-8 bytes, ASCII case folded, one after the other.
    private let bytes: [UInt8]
    /// Per text, the end of its bytes in `bytes`.
    private let ends: [Int]
    private let index: GramIndex
    /// How often each byte value occurs in the sample: a literal is searched for by its rarest byte.
    private let byteCounts: [Int]
    private let cache = FrequencyCache()

    /// Creates a sample from texts (one per posting; join a posting's fields first).
    public init(texts: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count })
        var ends: [Int] = []
        ends.reserveCapacity(texts.count)
        for text in texts {
            bytes.append(contentsOf: text.utf8)
            ends.append(bytes.count)
        }
        // ASCII case folded, as the prefilter's automaton matches literals (its literals are folded too). Folding
        // changes only bytes below 0x80, so the bytes stay valid UTF-8.
        bytes.withUnsafeMutableBufferPointer { buffer in
            for position in buffer.indices { buffer[position] = ASCIICaseFolding.fold(buffer[position]) }
        }
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        self.bytes = bytes
        self.ends = ends
        byteCounts = counts
        index = GramIndex(bytes: bytes, ends: ends)
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

    /// Number of sample texts whose bytes contain `literal`'s bytes (`literal` already folded).
    func containingCount(_ literal: String) -> Int {
        let scalars = literal.unicodeScalars.map(\.value)
        switch scalars.count {
        case 0: return ends.count
        case 1: return index.texts(GramIndex.key(scalars[0])).count
        case 2: return index.texts(GramIndex.key(scalars[0], scalars[1])).count
        default: break
        }
        // Texts holding every adjacent pair of the literal's characters, searched for the literal itself. UTF-8 is
        // self-synchronizing, so the bytes of a whole literal found in valid UTF-8 start at a character boundary.
        var lists = (1..<scalars.count).map { index.texts(GramIndex.key(scalars[$0 - 1], scalars[$0])) }
        lists.sort { $0.count < $1.count }
        guard let shortest = lists.first, !shortest.isEmpty else { return 0 }
        let needle = Array(literal.utf8)
        // The needle's rarest byte in the sample (in Chinese text a lead byte such as E5 is every third byte, a
        // given continuation byte far rarer): fewer false starts to check.
        let anchor = needle.indices.min { byteCounts[Int(needle[$0])] < byteCounts[Int(needle[$1])] } ?? 0
        var containing = 0
        candidates: for text in shortest {
            for other in lists.dropFirst() where !Self.sortedContains(other, text) { continue candidates }
            let start = text == 0 ? 0 : ends[Int(text) - 1]
            if contains(needle, anchor: anchor, from: start, to: ends[Int(text)]) { containing += 1 }
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

    /// Whether the ascending `list` holds `value` (binary search).
    private static func sortedContains(_ list: ArraySlice<Int32>, _ value: Int32) -> Bool {
        var low = list.startIndex
        var high = list.endIndex
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < list.endIndex && list[low] == value
    }

    /// The frequency function handed to a pattern set's construction (cached for the sample's lifetime).
    func rarityFunction() -> (String) -> Double {
        { literal in frequency(literal) }
    }
}

/// Which texts contain each Unicode scalar and each pair of adjacent scalars: per key, the ascending numbers of the
/// texts holding it (compressed sparse rows over one open-addressing table of keys).
///
/// A pair index rather than bit sets per scalar: a literal of two characters is then answered exactly, and a longer
/// one is narrowed to nearly the texts that hold it, where bit sets of its characters alone leave every text that
/// contains common characters such as 的 or 工 to be searched.
struct GramIndex: Sendable {
    /// Open-addressing table of keys (0 = empty), capacity a power of two.
    private let keys: [UInt64]
    /// Per table position, the key's row (valid where `keys` is not 0).
    private let rows: [Int32]
    /// Per row, where its texts start in `texts`; one more entry than rows.
    private let rowStarts: [Int32]
    /// The rows' text numbers, ascending within a row.
    private let textNumbers: [Int32]

    /// The key of one scalar (never 0; below 2²²).
    static func key(_ scalar: UInt32) -> UInt64 { UInt64(scalar) + 1 }
    /// The key of a pair of adjacent scalars (at least 2²², so never a single scalar's key).
    static func key(_ first: UInt32, _ second: UInt32) -> UInt64 { (UInt64(first) + 1) << 22 | (UInt64(second) + 1) }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Indexes the texts `bytes[ends[t - 1]..<ends[t]]` (valid UTF-8).
    init(bytes: [UInt8], ends: [Int]) {
        var keys = [UInt64](repeating: 0, count: 1 << 12)
        var rows = [Int32](repeating: 0, count: keys.count)
        var rowCounts: [Int32] = []
        var lastText: [Int32] = []
        // Per text, the rows it holds (each once), in order of texts.
        var occurrences: [Int32] = []
        var occurrenceEnds: [Int] = []

        func grow() {
            let oldKeys = keys
            let oldRows = rows
            keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
            rows = [Int32](repeating: 0, count: keys.count)
            let mask = keys.count - 1
            for position in oldKeys.indices where oldKeys[position] != 0 {
                var slot = Self.slot(oldKeys[position], mask: mask)
                while keys[slot] != 0 { slot = (slot + 1) & mask }
                keys[slot] = oldKeys[position]
                rows[slot] = oldRows[position]
            }
        }

        func note(_ key: UInt64, text: Int32) {
            let mask = keys.count - 1
            var slot = Self.slot(key, mask: mask)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            let row: Int
            if keys[slot] == 0 {
                row = rowCounts.count
                keys[slot] = key
                rows[slot] = Int32(row)
                rowCounts.append(0)
                lastText.append(-1)
                if rowCounts.count * 2 > keys.count { grow() }
            } else {
                row = Int(rows[slot])
            }
            guard lastText[row] != text else { return }
            lastText[row] = text
            rowCounts[row] += 1
            occurrences.append(Int32(row))
        }

        var start = 0
        for (text, end) in ends.enumerated() {
            var position = start
            var previous: UInt32?
            while position < end {
                let lead = bytes[position]
                var scalar: UInt32
                let length: Int
                switch lead {
                case 0..<0x80: scalar = UInt32(lead); length = 1
                case 0xC0..<0xE0: scalar = UInt32(lead & 0x1F); length = 2
                case 0xE0..<0xF0: scalar = UInt32(lead & 0x0F); length = 3
                default: scalar = UInt32(lead & 0x07); length = 4
                }
                for offset in 1..<length where position + offset < end {
                    scalar = scalar << 6 | UInt32(bytes[position + offset] & 0x3F)
                }
                position += length
                note(Self.key(scalar), text: Int32(text))
                if let previous { note(Self.key(previous, scalar), text: Int32(text)) }
                previous = scalar
            }
            occurrenceEnds.append(occurrences.count)
            start = end
        }

        var rowStarts = [Int32](repeating: 0, count: rowCounts.count + 1)
        for row in rowCounts.indices { rowStarts[row + 1] = rowStarts[row] + rowCounts[row] }
        var cursor = Array(rowStarts.dropLast())
        var textNumbers = [Int32](repeating: 0, count: occurrences.count)
        var first = 0
        for (text, last) in occurrenceEnds.enumerated() {
            for row in occurrences[first..<last] {
                textNumbers[Int(cursor[Int(row)])] = Int32(text)
                cursor[Int(row)] += 1
            }
            first = last
        }
        self.keys = keys
        self.rows = rows
        self.rowStarts = rowStarts
        self.textNumbers = textNumbers
    }

    /// The ascending numbers of the texts holding `key` (empty when none does).
    func texts(_ key: UInt64) -> ArraySlice<Int32> {
        let mask = keys.count - 1
        var slot = Self.slot(key, mask: mask)
        while keys[slot] != 0 {
            if keys[slot] == key {
                let row = Int(rows[slot])
                return textNumbers[Int(rowStarts[row])..<Int(rowStarts[row + 1])]
            }
            slot = (slot + 1) & mask
        }
        return []
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
