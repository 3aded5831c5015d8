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
/// results (``RecentTexts``); a field whose name and bytes equal a kept one takes its result instead of being
/// matched again.
final class FieldResultCache: Sendable {
    /// Entries kept: a few postings' long fields for each of a few threads.
    static let capacity = 32
    /// Shorter texts are matched again: the look-up would cost about as much.
    static let minimumLength = 256

    private let results = RecentTexts<FieldResult>(capacity: capacity)

    /// The result kept for field `name` with exactly these bytes, if any.
    func result(name: String, text: UnsafeBufferPointer<UInt8>) -> FieldResult? { results.value(name: name, text: text) }

    /// Keeps `result` for field `name` with these bytes.
    func store(_ result: FieldResult, name: String, text: UnsafeBufferPointer<UInt8>) {
        results.store(result, name: name, text: text)
    }
}
