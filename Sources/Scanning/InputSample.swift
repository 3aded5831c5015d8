import Foundation
import PatternPack

/// The first postings of an input file, read before a scan: as a ``LiteralSample`` (to rank prefilter literals by
/// rarity) and to learn which fields the input fills.
///
/// Only a regular file is read ahead: reading a pipe, a FIFO or a device (`scan <(zcat …)`, `/dev/stdin`) would
/// consume postings that the scan itself then never sees.
public struct InputSample: Sendable {
    /// The sample's texts (one per posting, its fields joined); nil when no posting could be read.
    public let literalSample: LiteralSample?
    /// Names of the subject fields that hold text in at least one sampled posting.
    public let fieldsWithText: Set<String>

    /// Up to `count` postings of the file at `path`; nil for stdin, a file that is not a regular file, or a file
    /// that cannot be opened.
    public static func read(path: String?, format: InputFormat?, mapping: FieldMapping, count: Int = 1_000)
        -> InputSample?
    {
        guard let path, path != "-", isRegularFile(path),
              var reader = try? InputOpener.open(path: path, format: format) else { return nil }
        let decoder = PostingDecoder(mapping: mapping)
        var texts: [String] = []
        var fields: Set<String> = []
        while texts.count < count, let event = reader.next() {
            guard case .record(let record) = event, case .success(let posting) = decoder.decode(record) else { continue }
            texts.append(posting.subject.fields.map(\.text).joined(separator: "\n"))
            for field in posting.subject.fields where !field.text.isEmpty { fields.insert(field.name) }
        }
        return InputSample(literalSample: texts.isEmpty ? nil : LiteralSample(texts: texts), fieldsWithText: fields)
    }

    /// Whether `path` names a regular file (symbolic links followed): only such a file can be read twice.
    public static func isRegularFile(_ path: String) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        return attributes?[.type] as? FileAttributeType == .typeRegular
    }
}
