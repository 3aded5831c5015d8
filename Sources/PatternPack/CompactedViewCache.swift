import Foundation
import Synchronization

/// The compacted views (ADR 0018) of the fields seen last, shared by every pack in the process.
///
/// A posting's fields are evaluated by several modules — `fake_job`, `black_intermediary`'s pack and its probes —
/// and each would otherwise look at the same text again. Entries are found by the text's bytes (compared in full,
/// so a reused buffer address can never return another text's view) and kept first-in first-out.
final class CompactedViewCache: Sendable {
    /// The cache every `PatternPackModule` uses.
    static let shared = CompactedViewCache()
    /// Entries kept: a few postings' fields for each of a few threads.
    static let capacity = 32
    /// Texts shorter than this are looked at directly: the look costs less than the lookup.
    static let minimumLength = 64

    private struct Entry: Sendable {
        let text: [UInt8]
        let view: CompactedText?
    }

    private let entries = Mutex<[Entry]>([])

    /// The compacted view of `text`, or nil when compaction changes nothing.
    func view(of text: UnsafeBufferPointer<UInt8>) -> CompactedText? {
        guard text.count >= Self.minimumLength, let base = text.baseAddress else { return CompactedText.make(text) }
        let cached: Entry? = entries.withLock { entries in
            entries.last { entry in
                entry.text.count == text.count
                    && entry.text.withUnsafeBufferPointer { stored in
                        stored.baseAddress.map { memcmp($0, base, text.count) == 0 } ?? false
                    }
            }
        }
        if let cached { return cached.view }
        let entry = Entry(text: Array(text), view: CompactedText.make(text))
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeFirst(entries.count - Self.capacity + 1) }
            entries.append(entry)
        }
        return entry.view
    }
}
