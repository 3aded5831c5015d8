import Foundation
import Synchronization

/// What a pack's first pass found in one field: per rule that hit, its matches that no exclusion cancelled (in the
/// original's byte offsets, sorted, each once), and whether a watched literal occurred (ADR 0020). It depends only on
/// the pack, the field's name and its text.
struct FieldResult: Sendable {
    var kept: [(rule: Int, ranges: [Range<Int>])] = []
    var watched = false
}

/// The first-pass results of the long fields a pack saw last, found again by name and text (ADR 0021).
///
/// A job board's postings repeat texts: one employer's postings carry the same company introduction, often the same
/// description. Each pack (and each restricted copy: its own rules, its own cache) keeps the last few long fields'
/// results; a field whose name and bytes equal a kept one takes its result instead of being matched again.
/// Entries are compared in full (no hash is trusted), kept first-in first-out, shared by the threads of a scan.
final class FieldResultCache: Sendable {
    /// Entries kept: a few postings' long fields for each of a few threads.
    static let capacity = 32
    /// Shorter texts are matched again: the look-up would cost about as much.
    static let minimumLength = 256

    private struct Entry: Sendable {
        let name: String
        let text: [UInt8]
        let result: FieldResult
    }

    private let entries = Mutex<[Entry]>([])

    /// The result kept for field `name` with exactly these bytes, if any.
    func result(name: String, text: UnsafeBufferPointer<UInt8>) -> FieldResult? {
        guard let base = text.baseAddress else { return nil }
        return entries.withLock { entries in
            entries.last { entry in
                entry.text.count == text.count && entry.name == name
                    && entry.text.withUnsafeBufferPointer { stored in
                        stored.baseAddress.map { memcmp($0, base, text.count) == 0 } ?? false
                    }
            }?.result
        }
    }

    /// Keeps `result` for field `name` with these bytes (dropping the oldest entry when full).
    func store(_ result: FieldResult, name: String, text: UnsafeBufferPointer<UInt8>) {
        let entry = Entry(name: name, text: Array(text), result: result)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeFirst(entries.count - Self.capacity + 1) }
            entries.append(entry)
        }
    }
}
