import PatternPack

/// Reads the first postings of an input file before a scan: as a ``LiteralSample`` (to rank prefilter literals by
/// rarity), and to learn which fields the input fills.
public enum InputSample {
    /// Up to `count` postings of the file at `path` with their fields joined; nil for stdin or an unreadable file.
    public static func literalSample(path: String?, format: InputFormat?, mapping: FieldMapping, count: Int = 1_000)
        -> LiteralSample?
    {
        guard let postings = postings(path: path, format: format, mapping: mapping, count: count) else { return nil }
        let texts = postings.map { $0.subject.fields.map(\.text).joined(separator: "\n") }
        return texts.isEmpty ? nil : LiteralSample(texts: texts)
    }

    /// Names of the subject fields that hold text in at least one of the first `count` postings of the file at
    /// `path`; nil for stdin or an unreadable file.
    public static func fieldsWithText(path: String?, format: InputFormat?, mapping: FieldMapping, count: Int = 1_000)
        -> Set<String>?
    {
        guard let postings = postings(path: path, format: format, mapping: mapping, count: count) else { return nil }
        return Set(postings.flatMap { $0.subject.fields.filter { !$0.text.isEmpty }.map(\.name) })
    }

    private static func postings(path: String?, format: InputFormat?, mapping: FieldMapping, count: Int)
        -> [Posting]?
    {
        guard let path, path != "-", var reader = try? InputOpener.open(path: path, format: format) else { return nil }
        let decoder = PostingDecoder(mapping: mapping)
        var postings: [Posting] = []
        while postings.count < count, let event = reader.next() {
            guard case .record(let record) = event, case .success(let posting) = decoder.decode(record) else { continue }
            postings.append(posting)
        }
        return postings
    }
}
