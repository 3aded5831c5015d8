import CaseCore
import Foundation

/// Dates as RFC 3339 / ISO 8601 UTC text with whole seconds (`2026-03-02T01:00:00Z`), written without a
/// formatter object: the JSON of every API response holds several dates, and building an `ISO8601DateFormatter`
/// for each one cost more than the rest of the encoding.
///
/// Same text as `JSONOutput.isoFormatter()` (`.withInternetDateTime`, UTC), which remains the fallback for years
/// outside 0001–9999.
public enum ISODate {
    /// `date` as `yyyy-MM-ddTHH:mm:ssZ` (seconds truncated, like the formatter).
    public static func string(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, interval > -62_135_596_800, interval < 253_402_300_800 else {
            return JSONOutput.isoFormatter().string(from: date)
        }
        let seconds = Int64(interval.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let ofDay = seconds - days * 86_400
        let civil = CalendarDay(ordinal: Int(days))  // proleptic Gregorian, as the formatter
        let (year, month, day) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
        var out: [UInt8] = []
        out.reserveCapacity(20)
        func put(_ value: Int64, _ width: Int) {
            var digits = [UInt8](repeating: 0x30, count: width)
            var rest = value
            for index in stride(from: width - 1, through: 0, by: -1) {
                digits[index] = 0x30 + UInt8(rest % 10)
                rest /= 10
            }
            out.append(contentsOf: digits)
        }
        put(year, 4); out.append(0x2D); put(month, 2); out.append(0x2D); put(day, 2); out.append(0x54)
        put(ofDay / 3600, 2); out.append(0x3A); put(ofDay / 60 % 60, 2); out.append(0x3A); put(ofDay % 60, 2)
        out.append(0x5A)
        return String(decoding: out, as: UTF8.self)
    }
}
