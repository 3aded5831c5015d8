import Foundation
import Synchronization

/// Values computed from texts seen last, found again by a name and the text's bytes — compared in full, so no
/// hash and no reused buffer address can return another text's value. Kept first-in first-out, shared by threads
/// under one lock. ``CompactedViewCache`` (views of fields, process-wide) and ``FieldResultCache`` (a pack's
/// first-pass results) are built on it.
final class RecentTexts<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        let name: String
        let text: [UInt8]
        let value: Value
    }

    /// Entries kept.
    let capacity: Int
    private let entries = Mutex<[Entry]>([])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value kept for `name` with exactly these bytes, if any (the newest when several).
    func value(name: String, text: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let base = text.baseAddress else { return nil }
        return entries.withLock { entries in
            entries.last { entry in
                entry.text.count == text.count && entry.name == name
                    && entry.text.withUnsafeBufferPointer { stored in
                        stored.baseAddress.map { memcmp($0, base, text.count) == 0 } ?? false
                    }
            }?.value
        }
    }

    /// Keeps `value` for `name` with these bytes (dropping the oldest entry when full).
    func store(_ value: Value, name: String, text: UnsafeBufferPointer<UInt8>) {
        let entry = Entry(name: name, text: Array(text), value: value)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeFirst(entries.count - capacity + 1) }
            entries.append(entry)
        }
    }
}
