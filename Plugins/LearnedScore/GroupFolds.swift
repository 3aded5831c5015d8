/// Group k-fold assignment: items with the same key (a posting's normalised description, or its group under
/// ``BandFolds``) always land in the same fold.
///
/// Groups are ordered by a seeded hash of their key and dealt round-robin, fraudulent groups and honest groups
/// separately, so every fold gets its share of the rare class.
public enum GroupFolds {
    /// The duplicate key of a text: scalars normalised as for features (case, full-width, digits), keeping only
    /// letters and digits, hashed with 64-bit FNV-1a.
    public static func key(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in text.unicodeScalars {
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { continue }
            var value = NGramHasher.normalise(scalar.value)
            while value > 0 {
                hash = (hash ^ UInt64(value & 0xFF)) &* 0x100_0000_01B3
                value >>= 8
            }
        }
        return hash
    }

    /// The fold (0..<folds) of every item.
    ///
    /// - Parameters:
    ///   - keys: the duplicate key of each item (see ``key(_:)``).
    ///   - labels: each item's label; a group counts as fraudulent when any member is.
    ///   - folds: number of folds (at least 2).
    ///   - seed: seed of the group order.
    public static func assign(keys: [UInt64], labels: [Bool], folds: Int, seed: UInt64) -> [Int] {
        let count = max(2, folds)
        var groupPositive: [UInt64: Bool] = [:]
        for (key, label) in zip(keys, labels) { groupPositive[key, default: false] = groupPositive[key, default: false] || label }
        let ordered = groupPositive.keys.sorted {
            let (a, b) = (SeededGenerator.mix($0 ^ seed), SeededGenerator.mix($1 ^ seed))
            return a != b ? a < b : $0 < $1
        }
        var foldOf: [UInt64: Int] = [:]
        var next = (positive: 0, negative: 0)
        for key in ordered {
            if groupPositive[key] == true {
                foldOf[key] = next.positive % count
                next.positive += 1
            } else {
                foldOf[key] = (count - 1 - next.negative % count)
                next.negative += 1
            }
        }
        return keys.map { foldOf[$0] ?? 0 }
    }

    /// One key per item such that items sharing any of their keys — directly or through a chain of items — get the
    /// same one (connected components; the key is the smallest first key in the component).
    public static func joined(_ first: [UInt64], _ second: [UInt64]) -> [UInt64] {
        precondition(first.count == second.count)
        var parent = Array(first.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for keys in [first, second] {
            var seen: [UInt64: Int] = [:]
            for (index, key) in keys.enumerated() {
                if let other = seen[key] {
                    let (a, b) = (root(index), root(other))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    seen[key] = index
                }
            }
        }
        var smallest: [Int: UInt64] = [:]
        for index in first.indices { smallest[root(index)] = min(smallest[root(index)] ?? .max, first[index]) }
        return first.indices.map { smallest[root($0)]! }
    }
}
