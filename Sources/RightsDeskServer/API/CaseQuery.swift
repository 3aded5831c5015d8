import CaseCore
import CaseStore
import Hummingbird

/// The filters and paging of `GET /api/v1/cases` and the queue page, read from the query string.
///
/// `status` and `kind` take comma-separated values; `limit` is 1–200 (default 50); `offset` ≥ 0;
/// `overdue=true` keeps overdue cases only (applied after paging).
struct CaseQuery {
    var filter = CaseFilter()
    var overdueOnly = false

    init(_ query: Parameters) throws {
        if let text = query["status"].map(String.init), !text.isEmpty {
            filter.status = try Self.list(text, "status", CaseStatus.init(rawValue:))
        }
        if let text = query["kind"].map(String.init), !text.isEmpty {
            filter.kind = try Self.list(text, "kind", CaseKind.init(rawValue:))
        }
        filter.department = query["department"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        filter.assignee = query["assignee"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        filter.limit = try Self.number(query["limit"], "limit", default: 50, range: 1...200)
        filter.offset = try Self.number(query["offset"], "offset", default: 0, range: 0...1_000_000)
        overdueOnly = query["overdue"] == "true" || query["overdue"] == "1"
    }

    private static func list<T>(_ text: String, _ name: String, _ make: (String) -> T?) throws -> [T] {
        try text.split(separator: ",").map { part in
            guard let value = make(String(part)) else {
                throw APIError.badRequest(name, "未知取值 / unknown value \(String(part.prefix(30)).debugDescription)")
            }
            return value
        }
    }

    private static func number(_ raw: Substring?, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw, !raw.isEmpty else { return value }
        guard let number = Int(raw), range.contains(number) else {
            throw APIError.badRequest(name, "应为 \(range.lowerBound)…\(range.upperBound) 的整数 / must be an integer in \(range)")
        }
        return number
    }
}
