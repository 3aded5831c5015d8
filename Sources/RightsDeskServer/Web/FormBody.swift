import Foundation

/// An `application/x-www-form-urlencoded` body: `a=1&b=%E6%8A%95` → `["a": "1", "b": "投"]` (first value wins).
struct FormBody {
    private var fields: [String: String] = [:]

    init(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = parts.first.map({ Self.decode($0) }), !key.isEmpty, fields[key] == nil else { continue }
            fields[key] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
    }

    subscript(_ key: String) -> String? { fields[key] }

    /// The field trimmed, or nil when missing or blank.
    func value(_ key: String) -> String? {
        guard let raw = fields[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        return raw
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
