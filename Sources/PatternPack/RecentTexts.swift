import Foundation
import Synchronization

/// Values computed from texts seen last, found again by a name and the text's bytes — compared in full, so no
/// hash and no reused buffer address can return another text's value. Kept first-in first-out, shared by threads
/// under one lock. ``CompactedViewCache`` (views of fields, process-wide) and ``FieldResultCache`` (a pack's
/// first-pass results) are built on it.
final class RecentTexts<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var name: String
        var text: [UInt8]
        var value: Value
    }

    /// Entries kept.
    let capacity: Int
    /// Once full, a store overwrites the oldest entry and reuses its text buffer (on postings that never repeat,
    /// every long field is stored: a fresh copy and a freed one per store cost more).
    private let ring: Mutex<RecentRing<Entry>>

    init(capacity: Int) {
        self.capacity = capacity
        ring = Mutex(RecentRing(capacity: capacity))
    }

    /// The value kept for `name` with exactly these bytes, if any (the newest when several).
    func value(name: String, text: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let base = text.baseAddress else { return nil }
        return ring.withLock { ring in
            ring.newest { entry -> Value? in
                guard entry.text.count == text.count, entry.name == name,
                      entry.text.withUnsafeBufferPointer({ stored in
                          stored.baseAddress.map { memcmp($0, base, text.count) == 0 } ?? false
                      })
                else { return nil }
                return entry.value
            }
        }
    }

    /// Keeps `value` for `name` with these bytes (overwriting the oldest entry when full).
    func store(_ value: Value, name: String, text: UnsafeBufferPointer<UInt8>) {
        ring.withLock { ring in
            ring.add({ Entry(name: name, text: Array(text), value: value) }, overwrite: { entry in
                entry.name = name
                entry.value = value
                entry.text.removeAll(keepingCapacity: true)
                entry.text.append(contentsOf: text)
            })
        }
    }
}
