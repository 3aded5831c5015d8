@testable import CaseEngine
import Foundation
import Testing

@Suite("ISODate writes the same text as the ISO 8601 formatter")
struct ISODateTests {
    static let instants: [TimeInterval] = [
        0, -0.5, -1, 59.999, 951_782_400, 951_868_799.999,  // 2000-02-29 (a leap day of a century year)
        1_772_413_200, 1_772_416_800.123, 4_107_542_399.999, -2_208_988_800, 253_402_300_799,
    ]

    @Test("fixed instants: epoch, before the epoch, leap days, fractions of a second, year 9999", arguments: instants)
    func fixedInstants(_ interval: TimeInterval) {
        let date = Date(timeIntervalSince1970: interval)
        #expect(ISODate.string(date) == JSONOutput.isoFormatter().string(from: date))
    }

    @Test("a sweep of 2 000 instants from 1901 to 2096 matches the formatter")
    func sweep() {
        let formatter = JSONOutput.isoFormatter()
        var interval: TimeInterval = -2_177_452_800
        var mismatches: [String] = []
        for step in 0..<2_000 {
            let date = Date(timeIntervalSince1970: interval)
            if ISODate.string(date) != formatter.string(from: date) { mismatches.append("\(interval)") }
            interval += 3_081_733.377 + Double(step % 7) * 86_400
        }
        #expect(mismatches.isEmpty)
    }

    @Test("the JSON encoder of RightsDesk writes dates with it")
    func encoderUsesIt() throws {
        let data = try JSONOutput.encoder().encode(["at": Date(timeIntervalSince1970: 1_772_416_800.9)])
        #expect(String(decoding: data, as: UTF8.self) == #"{"at":"2026-03-02T02:00:00Z"}"#)
    }
}
