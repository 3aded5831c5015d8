import EntityKit
import PatternPack
import RuleKit

/// The entity extractions of the long fields `black_intermediary` read last, found again by the field's name and
/// bytes (ADR 0024).
///
/// Postings of one employer repeat texts verbatim (the company introduction on every posting, often the whole
/// description: ADR 0021), and ``EntityExtractor/extract(_:)`` is a function of the text alone, so a repeated field
/// takes the extraction kept for it instead of being read again. Entries are compared in full (``RecentTexts``): no
/// hash can hand one text another's entities. Shared by the threads of a scan under one lock, first-in first-out.
final class ExtractionMemo: Sendable {
    /// Entries kept: the long fields of a few postings for each of a few threads (as a pack's field results).
    static let capacity = 32
    /// Shorter texts are extracted again: the look-up would cost about as much.
    static let minimumLength = 256

    private let kept = RecentTexts<EntityExtraction>(capacity: capacity)

    /// ``EntityExtractor/extract(_:)`` of `field`'s text: the kept extraction when the same field name held the
    /// same bytes lately, else a fresh one (kept when the text is long).
    func extraction(of field: SubjectField) -> EntityExtraction {
        guard field.text.utf8.count >= Self.minimumLength else { return EntityExtractor.extract(field.text) }
        var text = field.text
        return text.withUTF8 { bytes in
            if let found = kept.value(name: field.name, text: bytes) { return found }
            let found = EntityExtractor.extract(field.text)
            kept.store(found, name: field.name, text: bytes)
            return found
        }
    }
}
