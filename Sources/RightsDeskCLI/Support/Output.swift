import CaseCore
import CaseEngine
import Foundation

/// Where commands write: stdout for results, stderr for errors and progress.
enum Output {
    static func line(_ text: String) {
        print(text)
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("rightsdesk: " + text + "\n").utf8))
    }

    /// Prints a value as one line of stable JSON (sorted keys, ISO-8601 dates).
    static func json<T: Encodable>(_ value: T, pretty: Bool = false) {
        do {
            let data = try JSONOutput.encoder(pretty: pretty).encode(value)
            print(String(decoding: data, as: UTF8.self))
        } catch {
            self.error("could not encode JSON: \(error)")
        }
    }

    /// A date as China time, `2026-03-02 23:59`.
    static func chinaTime(_ date: Date?) -> String {
        guard let date else { return "—" }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: CalendarDay.utcOffset)
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}
