import CaseCore
import Foundation

/// Server-drawn SVG charts (no script, no library). Labels are escaped like any other text.
enum Charts {
    static let palette = ["#c0392b", "#2c7fb8", "#e6a700", "#4d9a4d", "#8e44ad"]

    /// Counts per ISO week (Monday start, China time) for the last `weeks` weeks, split by kind.
    static func weekly(_ cases: [(Date, CaseKind)], weeks: Int, now: Date) -> [(label: String, values: [Int])] {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600) ?? TimeZone.current
        guard let thisWeek = calendar.dateInterval(of: .weekOfYear, for: now)?.start else { return [] }
        let starts = (0..<weeks).reversed().compactMap { calendar.date(byAdding: .weekOfYear, value: -$0, to: thisWeek) }
        var rows = starts.map { start -> (label: String, values: [Int]) in
            let c = calendar.dateComponents([.month, .day], from: start)
            return (String(format: "%02d-%02d", c.month ?? 0, c.day ?? 0), Array(repeating: 0, count: CaseKind.allCases.count))
        }
        for (date, kind) in cases {
            guard let index = starts.lastIndex(where: { $0 <= date }),
                  let k = CaseKind.allCases.firstIndex(of: kind) else { continue }
            rows[index].values[k] += 1
        }
        return rows
    }

    /// Vertical stacked bars with a legend.
    static func stackedBars(_ rows: [(label: String, values: [Int])], series: [String]) -> String {
        let width = 560, height = 240, left = 30, bottom = 40
        let maxTotal = max(1, rows.map { $0.values.reduce(0, +) }.max() ?? 1)
        let slot = (width - left) / max(1, rows.count)
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<text x=\"0\" y=\"12\" class=\"axis\">\(maxTotal)</text><line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width)\" y2=\"\(height - bottom)\" stroke=\"#999\"/>"
        for (i, row) in rows.enumerated() {
            var y = Double(height - bottom)
            let x = left + i * slot + 6
            for (k, value) in row.values.enumerated() where value > 0 {
                let h = Double(value) / Double(maxTotal) * Double(height - bottom - 20)
                y -= h
                svg += "<rect x=\"\(x)\" y=\"\(String(format: "%.1f", y))\" width=\"\(slot - 12)\" height=\"\(String(format: "%.1f", h))\" fill=\"\(palette[k % palette.count])\"><title>\(HTML.escape(series[k])): \(value)</title></rect>"
            }
            svg += "<text x=\"\(x)\" y=\"\(height - bottom + 16)\" class=\"axis\">\(HTML.escape(row.label))</text>"
        }
        for (k, name) in series.enumerated() {
            let x = left + k * 110
            svg += "<rect x=\"\(x)\" y=\"\(height - 14)\" width=\"10\" height=\"10\" fill=\"\(palette[k % palette.count])\"/><text x=\"\(x + 14)\" y=\"\(height - 5)\" class=\"axis\">\(HTML.escape(name))</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars, one per labelled count.
    /// `links[i]`, when given and not nil, makes row `i` a link (e.g. to an entity page).
    static func horizontalBars(_ items: [(String, Int)], links: [String?] = []) -> String {
        guard !items.isEmpty else { return "<p class=\"muted\">—</p>" }
        let width = 560, row = 26, labelWidth = 150
        let maxValue = max(1, items.map(\.1).max() ?? 1)
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(items.count * row + 4)\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, (label, value)) in items.enumerated() {
            let w = Double(value) / Double(maxValue) * Double(width - labelWidth - 50)
            let y = i * row
            let link = i < links.count ? links[i] : nil
            if let link { svg += "<a href=\"\(HTML.escape(link))\">" }
            svg += "<text x=\"0\" y=\"\(y + 17)\" class=\"axis\">\(HTML.escape(String(label.prefix(12))))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(String(format: "%.1f", w))\" height=\"18\" fill=\"\(palette[(i + 1) % palette.count])\"/>"
            svg += "<text x=\"\(Double(labelWidth) + w + 6)\" y=\"\(y + 17)\" class=\"axis\">\(value)</text>"
            if link != nil { svg += "</a>" }
        }
        return svg + "</svg>"
    }
}
