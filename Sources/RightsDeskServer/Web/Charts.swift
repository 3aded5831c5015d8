import CaseCore
import Foundation

/// Server-drawn SVG charts (no script, no library), as models of the `barChart` and `stackedChart` templates:
/// geometry is computed here, and every label is plain text the template escapes.
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

    /// The `stackedChart` template's model: vertical stacked bars with a legend.
    struct Stacked {
        struct Bar { var x: Int; var y, h: String; var w: Int; var fill: String; var title: String }
        struct Column { var x: Int; var labelY: Int; var label: String; var bars: [Bar] }
        struct Legend { var x, y, tx, ty: Int; var fill: String; var name: String }
        var width = 560, height = 240, left = 30, baseY = 200
        var maxTotal: Int
        var columns: [Column]
        var legend: [Legend]
    }

    static func stackedBars(_ rows: [(label: String, values: [Int])], series: [String]) -> Stacked {
        let width = 560, height = 240, left = 30, bottom = 40
        let maxTotal = max(1, rows.map { $0.values.reduce(0, +) }.max() ?? 1)
        let slot = (width - left) / max(1, rows.count)
        let columns = rows.enumerated().map { i, row -> Stacked.Column in
            var y = Double(height - bottom)
            let x = left + i * slot + 6
            var bars: [Stacked.Bar] = []
            for (k, value) in row.values.enumerated() where value > 0 {
                let h = Double(value) / Double(maxTotal) * Double(height - bottom - 20)
                y -= h
                bars.append(.init(x: x, y: String(format: "%.1f", y), h: String(format: "%.1f", h), w: slot - 12,
                                  fill: palette[k % palette.count], title: "\(series[k]): \(value)"))
            }
            return .init(x: x, labelY: height - bottom + 16, label: row.label, bars: bars)
        }
        let legend = series.enumerated().map { k, name in
            Stacked.Legend(x: left + k * 110, y: height - 14, tx: left + k * 110 + 14, ty: height - 5,
                           fill: palette[k % palette.count], name: name)
        }
        return Stacked(baseY: height - bottom, maxTotal: maxTotal, columns: columns, legend: legend)
    }

    /// The `barChart` template's model: horizontal bars, one per labelled count, each optionally a link.
    struct Bars {
        struct Bar { var textY, rectY: Int; var label: String; var rectX: Int; var barWidth: String; var fill: String
            var valueX: String; var value: Int; var href: String? }
        var width = 560
        var height: Int
        var empty: Bool
        var bars: [Bar]
    }

    /// `links[i]`, when given and not nil, makes row `i` a link (e.g. to an entity page).
    static func horizontalBars(_ items: [(String, Int)], links: [String?] = []) -> Bars {
        let width = 560, row = 26, labelWidth = 150
        let maxValue = max(1, items.map(\.1).max() ?? 1)
        let bars = items.enumerated().map { i, item -> Bars.Bar in
            let w = Double(item.1) / Double(maxValue) * Double(width - labelWidth - 50)
            return .init(textY: i * row + 17, rectY: i * row + 4, label: String(item.0.prefix(12)), rectX: labelWidth,
                         barWidth: String(format: "%.1f", w), fill: palette[(i + 1) % palette.count],
                         valueX: String(format: "%.1f", Double(labelWidth) + w + 6), value: item.1,
                         href: i < links.count ? links[i] : nil)
        }
        return Bars(width: width, height: items.count * row + 4, empty: items.isEmpty, bars: bars)
    }
}
