import EntityKit
import Hummingbird

/// The filters and paging of `GET /api/v1/entities` and the entities page, read from the query string.
///
/// `kind` is one entity kind; `days` (1–3650) keeps entities seen (or, with `flagged`, flagged) in the last N days;
/// `watched=true` keeps watched entities; `flagged=true` lists flagged intermediaries (and every watched entity),
/// most flag sources first; `limit` is 1–200 (default 50); `offset` is 0–10 000.
struct EntityQuery {
    var kind: EntityKind?
    var days: Int?
    var watchedOnly = false
    var flagged = false
    var limit = 50
    var offset = 0

    init(_ query: Parameters, defaultLimit: Int = 50) throws {
        if let raw = query["kind"].map(String.init), !raw.isEmpty {
            guard let kind = EntityKind(rawValue: raw) else {
                throw APIError.badRequest("kind", "未知类型 / unknown kind \(String(raw.prefix(30)).debugDescription)")
            }
            self.kind = kind
        }
        if let raw = query["days"], !raw.isEmpty { days = try Self.number(raw, "days", range: 1...3650) }
        watchedOnly = Self.flag(query["watched"])
        flagged = Self.flag(query["flagged"])
        limit = try query["limit"].map { try Self.number($0, "limit", range: 1...200) } ?? defaultLimit
        offset = try query["offset"].map { try Self.number($0, "offset", range: 0...10_000) } ?? 0
    }

    private static func flag(_ raw: Substring?) -> Bool { raw == "true" || raw == "1" }

    private static func number(_ raw: Substring, _ name: String, range: ClosedRange<Int>) throws -> Int {
        guard let number = Int(raw), range.contains(number) else {
            throw APIError.badRequest(name, "应为 \(range.lowerBound)…\(range.upperBound) 的整数 / must be an integer in \(range)")
        }
        return number
    }
}
