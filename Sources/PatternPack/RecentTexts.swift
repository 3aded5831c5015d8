import Foundation
import Synchronization

/// Values computed from texts seen last, found again by a name and the text's bytes — compared in full, so no
/// hash and no reused buffer address can return another text's value. Kept first-in first-out, shared by threads
/// under one lock. ``CompactedViewCache`` (views of fields, process-wide) and ``FieldResultCache`` (a pack's
/// first-pass results) are built on it, and so is `black_intermediary`'s memo of entity extractions (ADR 0024).
public final class RecentTexts<Value: Sendable>: Sendable {
    // Inlinable, so that a module using it (`black_intermediary`) gets code specialised for its value type: the
    // generic code copies and destroys every entry it looks at.
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline var name: String
        @usableFromInline var text: [UInt8]
        @usableFromInline var value: Value

        @usableFromInline
        init(name: String, text: [UInt8], value: Value) {
            self.name = name
            self.text = text
            self.value = value
        }
    }

    /// Entries kept.
    public let capacity: Int
    /// Once full, a store overwrites the oldest entry and reuses its text buffer (on postings that never repeat,
    /// every long field is stored: a fresh copy and a freed one per store cost more).
    @usableFromInline let ring: Mutex<RecentRing<Entry>>

    public init(capacity: Int) {
        self.capacity = capacity
        ring = Mutex(RecentRing(capacity: capacity))
    }

    /// The value kept for `name` with exactly these bytes, if any (the newest when several).
    @inlinable
    public func value(name: String, text: UnsafeBufferPointer<UInt8>) -> Value? {
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
    @inlinable
    public func store(_ value: Value, name: String, text: UnsafeBufferPointer<UInt8>) {
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
