/// An amount of money in fen (分, 1/100 yuan), held as an integer: never floating point.
public struct Fen: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    /// Parses a yuan amount written as `1234`, `1234.5`, `1234.56`, `¥1,234.56` or `1234.56元`, exactly.
    ///
    /// Returns nil for anything else (negative amounts, more than two decimals, letters, overflow).
    public init?(yuan text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("¥") || s.hasPrefix("￥") { s = s.dropFirst() }
        if s.hasSuffix("元") { s = s.dropLast() }
        let cleaned = s.filter { $0 != "," }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              whole.count <= 15, let yuan = Int64(whole) else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let frac = parts[1]
            guard !frac.isEmpty, frac.count <= 2, frac.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let f = Int64(frac) else { return nil }
            cents = frac.count == 1 ? f * 10 : f
        }
        self.value = yuan * 100 + cents
    }

    public static func < (lhs: Fen, rhs: Fen) -> Bool { lhs.value < rhs.value }

    /// `1234.56` (yuan, two decimals).
    public var description: String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

import Foundation
