import CaseCore
import Foundation
import GRDB

/// How CaseCore values map to columns: dates as Unix milliseconds, nested values as JSON text.
///
/// Dates are stored with millisecond precision; the store returns dates rounded the same way, so a record read
/// back equals the record the write returned.
enum RowCoding {
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `date` rounded to what the store keeps.
    static func stored(_ date: Date) -> Date { self.date(milliseconds(date)) }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func json(_ value: some Encodable, _ encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String, field: String, caseId: Int64) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.invalid("case \(caseId), field \(field): unreadable stored JSON")
        }
    }

    static func enumValue<T: RawRepresentable<String>>(_ type: T.Type, _ raw: String, field: String,
                                                       caseId: Int64) throws -> T {
        guard let value = T(rawValue: raw) else {
            throw StoreError.invalid("case \(caseId), field \(field): unknown value '\(raw)'")
        }
        return value
    }

    // MARK: - Cases

    /// The columns of `cases`, in the order `caseRecord(_:)` reads them.
    static let caseColumns = """
        id, number, kind, channel, status, priority, narrative, parties, department, assignee, tags, facts, \
        created_at, updated_at, version, merged_into
        """

    static func caseRecord(_ row: Row) throws -> CaseRecord {
        let id = try row.decode(Int64.self, atIndex: 0)
        let parties = try decodeJSON([Party].self, try row.decode(String.self, atIndex: 7), field: "parties",
                                     caseId: id)
        let tags = try decodeJSON([String].self, try row.decode(String.self, atIndex: 10), field: "tags", caseId: id)
        let facts = try decodeJSON(CaseFacts.self, try row.decode(String.self, atIndex: 11), field: "facts",
                                   caseId: id)
        return CaseRecord(
            id: id,
            number: try row.decode(String.self, atIndex: 1),
            kind: try enumValue(CaseKind.self, try row.decode(atIndex: 2), field: "kind", caseId: id),
            channel: try enumValue(Channel.self, try row.decode(atIndex: 3), field: "channel", caseId: id),
            status: try enumValue(CaseStatus.self, try row.decode(atIndex: 4), field: "status", caseId: id),
            priority: try enumValue(Priority.self, try row.decode(atIndex: 5), field: "priority", caseId: id),
            narrative: try row.decode(String.self, atIndex: 6),
            parties: parties,
            department: try row.decode(String?.self, atIndex: 8),
            assignee: try row.decode(String?.self, atIndex: 9),
            tags: tags,
            facts: facts,
            createdAt: date(try row.decode(Int64.self, atIndex: 12)),
            updatedAt: date(try row.decode(Int64.self, atIndex: 13)),
            version: try row.decode(Int.self, atIndex: 14),
            mergedInto: try row.decode(Int64?.self, atIndex: 15))
    }

    /// Values for the mutable columns, in the order kind, channel, status, priority, narrative, parties,
    /// department, assignee, tags, facts, updated_at.
    static func mutableValues(_ record: CaseRecord, _ encoder: JSONEncoder) throws -> [(any DatabaseValueConvertible)?] {
        [record.kind.rawValue, record.channel.rawValue, record.status.rawValue, record.priority.rawValue,
         record.narrative, try json(record.parties, encoder), record.department, record.assignee,
         try json(record.tags, encoder), try json(record.facts, encoder), milliseconds(record.updatedAt)]
    }

    // MARK: - Events

    static let eventColumns = "seq, case_id, at, actor, name, from_status, to_status, reason, text, detail"

    static func event(_ row: Row) throws -> CaseEvent {
        let caseId = try row.decode(Int64.self, atIndex: 1)
        let fromRaw = try row.decode(String?.self, atIndex: 5)
        let toRaw = try row.decode(String?.self, atIndex: 6)
        let detailText = try row.decode(String?.self, atIndex: 9)
        return CaseEvent(
            seq: try row.decode(Int64.self, atIndex: 0),
            caseId: caseId,
            at: date(try row.decode(Int64.self, atIndex: 2)),
            actor: try row.decode(String.self, atIndex: 3),
            name: try enumValue(CaseEventName.self, try row.decode(atIndex: 4), field: "event.name", caseId: caseId),
            from: try fromRaw.map { try enumValue(CaseStatus.self, $0, field: "event.from", caseId: caseId) },
            to: try toRaw.map { try enumValue(CaseStatus.self, $0, field: "event.to", caseId: caseId) },
            reason: try row.decode(String?.self, atIndex: 7),
            text: try row.decode(String?.self, atIndex: 8),
            detail: try detailText.map { try decodeJSON(EventDetail.self, $0, field: "event.detail", caseId: caseId) }
                ?? EventDetail())
    }

    static func eventValues(_ event: CaseEvent, _ encoder: JSONEncoder) throws -> StatementArguments {
        let detail: String? = event.detail.isEmpty ? nil : try json(event.detail, encoder)
        return [event.caseId, milliseconds(event.at), event.actor, event.name.rawValue, event.from?.rawValue,
                event.to?.rawValue, event.reason, event.text, detail]
    }

    // MARK: - Links and scans

    static func link(_ row: Row) throws -> CaseLink {
        let from = try row.decode(Int64.self, atIndex: 0)
        return CaseLink(from: from, to: try row.decode(Int64.self, atIndex: 1),
                        type: try enumValue(LinkType.self, try row.decode(atIndex: 2), field: "link.type",
                                            caseId: from),
                        at: date(try row.decode(Int64.self, atIndex: 3)), actor: try row.decode(String.self, atIndex: 4))
    }

    static func scan(_ row: Row) throws -> ScanRecord {
        ScanRecord(postingId: try row.decode(String.self, atIndex: 0),
                   scannedAt: date(try row.decode(Int64.self, atIndex: 1)),
                   verdict: try row.decode(String.self, atIndex: 2), score: try row.decode(Int.self, atIndex: 3),
                   findingsJSON: try row.decode(String.self, atIndex: 4), source: try row.decode(String?.self, atIndex: 5))
    }
}
