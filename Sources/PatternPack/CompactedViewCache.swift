/// The compacted views (ADR 0018) of the fields seen last, shared by every pack in the process.
///
/// A posting's fields are evaluated by several modules — `fake_job`, `black_intermediary`'s pack and its probes —
/// and each would otherwise look at the same text again. Entries are found by the text's bytes (``RecentTexts``).
final class CompactedViewCache: Sendable {
    /// The cache every `PatternPackModule` uses.
    static let shared = CompactedViewCache()
    /// Entries kept: a few postings' fields for each of a few threads.
    static let capacity = 32
    /// Texts shorter than this are looked at directly: the look costs less than the lookup.
    static let minimumLength = 64

    private let views = RecentTexts<CompactedText?>(capacity: capacity)

    /// The compacted view of `text`, or nil when compaction changes nothing.
    func view(of text: UnsafeBufferPointer<UInt8>) -> CompactedText? {
        guard text.count >= Self.minimumLength else { return CompactedText.make(text) }
        if let known = views.value(name: "", text: text) { return known }
        let view = CompactedText.make(text)
        views.store(view, name: "", text: text)
        return view
    }
}
