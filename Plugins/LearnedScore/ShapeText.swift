import Foundation

/// Small hand-written text scanners behind ``PostingShape`` (no regular expressions, so scoring stays at scan
/// speed). Every function is total: any text gives a count, never an error.
enum ShapeText {
    /// Mainland mobile numbers: `1`, a digit 3–9, nine more digits (ASCII digits), not counting overlaps.
    static func phoneNumbers(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var count = 0
        var index = 0
        while index + 11 <= scalars.count {
            if scalars[index] == "1", ("3"..."9").contains(scalars[index + 1]),
               scalars[(index + 2)..<(index + 11)].allSatisfy({ ("0"..."9").contains($0) }) {
                count += 1
                index += 11
            } else {
                index += 1
            }
        }
        return count
    }

    /// Occurrences of `http://`, `https://`, `www.`, `.com` and `.cn`, ignoring case (an `https://` counts once).
    static func links(_ text: String) -> Int {
        let lower = text.lowercased()
        return occurrences(of: "http", followedBy: ["://", "s://"], in: lower)
            + occurrences(of: "www.", in: lower) + occurrences(of: ".com", in: lower) + occurrences(of: ".cn", in: lower)
    }

    /// Scalars in the emoji and dingbat blocks (U+1F300–1FAFF, U+2600–27BF).
    static func emoji(_ text: String) -> Int {
        text.unicodeScalars.filter { (0x1F300...0x1FAFF).contains($0.value) || (0x2600...0x27BF).contains($0.value) }.count
    }

    /// Runs of two or more of the same punctuation mark (`!！?？~～。.，,★☆※`).
    static func punctuationRuns(_ text: String) -> Int {
        let marks = Set("!！?？~～。.，,★☆※".unicodeScalars)
        var count = 0
        var previous: Unicode.Scalar?
        var inRun = false
        for scalar in text.unicodeScalars {
            if marks.contains(scalar), scalar == previous {
                if !inRun { count += 1 }
                inRun = true
            } else {
                inRun = false
            }
            previous = scalar
        }
        return count
    }

    /// Mentions of contact channels: 微信, qq, vx, 加v, 电话, 联系 (ignoring case).
    static func contactWords(_ text: String) -> Int {
        let lower = text.lowercased()
        return ["微信", "qq", "vx", "加v", "电话", "联系"].reduce(0) { $0 + occurrences(of: $1, in: lower) }
    }

    /// Amounts: a run of decimal digits, optional white space, then 元, 块, k, w or 万 (ignoring case).
    static func moneyAmounts(_ text: String) -> Int {
        let units = Set("元块kKwW万".unicodeScalars)
        var count = 0
        var afterDigits = false
        for scalar in text.unicodeScalars {
            if scalar.properties.numericType == .decimal {
                afterDigits = true
            } else if afterDigits && scalar.properties.isWhitespace {
                continue
            } else {
                if afterDigits && units.contains(scalar) { count += 1 }
                afterDigits = false
            }
        }
        return count
    }

    /// Items numbered like `1、`, `2.` or `3．` (a decimal digit followed by one of those marks).
    static func numberedItems(_ text: String) -> Int {
        var count = 0
        var previousDigit = false
        for scalar in text.unicodeScalars {
            if previousDigit && (scalar == "、" || scalar == "." || scalar == "．") { count += 1 }
            previousDigit = scalar.properties.numericType == .decimal
        }
        return count
    }

    /// The first `N` of the first `N-M年` in a requirement (0 when there is none).
    static func leadingYears(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let (low, afterLow) = number(scalars, from: index)
            if afterLow > index, afterLow < scalars.count, scalars[afterLow] == "-" {
                let (_, afterHigh) = number(scalars, from: afterLow + 1)
                if afterHigh > afterLow + 1, afterHigh < scalars.count, scalars[afterHigh] == "年" { return low }
            }
            index = max(index + 1, afterLow)
        }
        return 0
    }

    /// Low and high of a salary written `LOW-HIGH元/月` at the start of the text; nil for any other form.
    static func monthlyRange(_ text: String) -> (Double, Double)? {
        let scalars = Array(text.unicodeScalars)
        let (low, afterLow) = number(scalars, from: 0)
        guard afterLow > 0, afterLow < scalars.count, scalars[afterLow] == "-" else { return nil }
        let (high, afterHigh) = number(scalars, from: afterLow + 1)
        guard afterHigh > afterLow + 1 else { return nil }
        let unit = String(String.UnicodeScalarView(scalars[afterHigh...]))
        return unit.hasPrefix("元/月") ? (Double(low), Double(high)) : nil
    }

    /// NFKC, lower case, every decimal digit as `0`, runs of white space as one space.
    static func normalised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastSpace = false
        for scalar in text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
                continue
            }
            lastSpace = false
            out.append(scalar.properties.numericType == .decimal ? "0" : scalar)
        }
        return String(out)
    }

    /// Jaccard overlap of the sets of adjacent scalar pairs of two texts (0 when either has none).
    static func bigramOverlap(_ a: String, _ b: String) -> Double {
        func bigrams(_ text: String) -> Set<[Unicode.Scalar]> {
            let scalars = Array(text.unicodeScalars)
            guard scalars.count >= 2 else { return [] }
            return Set((0..<(scalars.count - 1)).map { [scalars[$0], scalars[$0 + 1]] })
        }
        let (x, y) = (bigrams(a), bigrams(b))
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    /// A run of ASCII digits from `start`: its value (capped) and the index after it (`start` when there is none).
    private static func number(_ scalars: [Unicode.Scalar], from start: Int) -> (Int, Int) {
        var value = 0
        var index = start
        while index < scalars.count, ("0"..."9").contains(scalars[index]) {
            value = min(value * 10 + Int(scalars[index].value - 48), 1_000_000_000)
            index += 1
        }
        return (value, index)
    }

    /// Non-overlapping occurrences of `needle` in `text`, optionally only where one of `followers` comes next.
    private static func occurrences(of needle: String, followedBy followers: [String] = [], in text: String) -> Int {
        var count = 0
        var rest = text[...]
        while let range = rest.range(of: needle) {
            let after = rest[range.upperBound...]
            if followers.isEmpty || followers.contains(where: { after.hasPrefix($0) }) { count += 1 }
            rest = after
        }
        return count
    }
}
