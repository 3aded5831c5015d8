import PatternPack

/// Reads the first postings of an input file as a ``LiteralSample`` (to rank prefilter literals by rarity).
public enum InputSample {
    /// Up to `count` postings of the file at `path` with their fields joined; nil for stdin or an unreadable file.
    public static func literalSample(path: String?, format: InputFormat?, mapping: FieldMapping, count: Int = 1_000)
        -> LiteralSample?
    {
        guard let path, path != "-", var reader = try? InputOpener.open(path: path, format: format) else { return nil }
        let decoder = PostingDecoder(mapping: mapping)
        var texts: [String] = []
        while texts.count < count, let event = reader.next() {
            guard case .record(let record) = event, case .success(let posting) = decoder.decode(record) else { continue }
            texts.append(posting.subject.fields.map(\.text).joined(separator: "\n"))
        }
        return texts.isEmpty ? nil : LiteralSample(texts: texts)
    }
}
