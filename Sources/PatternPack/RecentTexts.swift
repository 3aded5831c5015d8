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

    /// The entries in a ring: once full, the next store overwrites the oldest, reusing its text buffer (on postings
    /// that never repeat, every long field is stored: a fresh copy and a freed one per store cost more).
    private struct Ring: Sendable {
        var entries: [Entry] = []
        /// Where the next store writes: `entries.count` until full, then the oldest entry.
        var next = 0
    }

    /// Entries kept.
    let capacity: Int
    private let ring = Mutex(Ring())

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value kept for `name` with exactly these bytes, if any (the newest when several).
    func value(name: String, text: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let base = text.baseAddress else { return nil }
        return ring.withLock { ring in
            func matches(_ entry: Entry) -> Bool {
                entry.text.count == text.count && entry.name == name
                    && entry.text.withUnsafeBufferPointer { stored in
                        stored.baseAddress.map { memcmp($0, base, text.count) == 0 } ?? false
                    }
            }
            // Newest first: the entries written before `next`, then (once the ring has wrapped) those after it.
            return (ring.entries[..<ring.next].last(where: matches) ?? ring.entries[ring.next...].last(where: matches))?
                .value
        }
    }

    /// Keeps `value` for `name` with these bytes (overwriting the oldest entry when full).
    func store(_ value: Value, name: String, text: UnsafeBufferPointer<UInt8>) {
        ring.withLock { ring in
            guard capacity > 0 else { return }
            if ring.entries.count < capacity {
                ring.entries.append(Entry(name: name, text: Array(text), value: value))
            } else {
                ring.entries[ring.next].name = name
                ring.entries[ring.next].value = value
                ring.entries[ring.next].text.removeAll(keepingCapacity: true)
                ring.entries[ring.next].text.append(contentsOf: text)
            }
            ring.next = (ring.next + 1) % capacity
        }
    }
}
