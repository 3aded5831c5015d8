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
        let (year, month, day) = civil(days)
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

    /// The proleptic Gregorian (year, month, day) of a count of days since 1970-01-01.
    static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
