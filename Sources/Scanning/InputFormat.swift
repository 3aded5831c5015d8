/// The input format of a scan.
public enum InputFormat: String, Sendable, CaseIterable {
    case jsonl, csv

    /// The format from a file name's extension (`.jsonl`, `.json`, `.ndjson`, `.csv`), else from the first
    /// non-space byte (`{` means JSON Lines), else JSON Lines.
    public static func guess(path: String?, firstByte: UInt8?) -> InputFormat {
        let lower = path?.lowercased() ?? ""
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") { return .jsonl }
        if let firstByte, firstByte != UInt8(ascii: "{") && firstByte != 0xEF { return .csv }
        return .jsonl
    }
}
