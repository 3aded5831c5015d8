import Foundation

/// The input field names a decoder wants, as UTF-8 bytes, so that a JSON key is matched against them without
/// building a `String` for it. Each distinct name has a slot; ``FlatJSON/values(_:keys:into:previous:)`` writes the
/// value of the key into that slot.
struct JSONKeyTable: Sendable {
    /// Distinct wanted names, in slot order.
    let names: [String]
    /// `names` as UTF-8 bytes.
    private let bytes: [[UInt8]]

    /// A table over `names` (duplicates share the first slot).
    init(_ names: [String]) {
        var distinct: [String] = []
        for name in names where !distinct.contains(name) { distinct.append(name) }
        self.names = distinct
        bytes = distinct.map { Array($0.utf8) }
    }

    /// The slot of `name`, if wanted.
    func slot(of name: String) -> Int? { names.firstIndex(of: name) }

    /// The slot of a key given by its raw bytes (no escapes), if wanted: compared byte for byte.
    func slot(ofRaw key: UnsafeBufferPointer<UInt8>) -> Int? {
        for (index, name) in bytes.enumerated() where name.count == key.count {
            let equal = name.withUnsafeBufferPointer { candidate in
                guard let a = candidate.baseAddress, let b = key.baseAddress else { return true }
                return memcmp(a, b, key.count) == 0
            }
            if equal { return index }
        }
        return nil
    }
}
