import CaseCore
import Foundation
import GRDB

extension CaseStore {
    /// The case with this id as stored (no merge redirect), or nil.
    public func get(id: Int64) throws(StoreError) -> CaseRecord? {
        try read("read case") { db in try fetchCase(db, id: id) }
    }

    /// The case named by a numeric id (`123`) or a number (`WC-2026-000123`, any letter case), following merge
    /// redirects to the surviving case; nil when there is none.
    public func find(_ idOrNumber: String) throws(StoreError) -> CaseRecord? {
        let key = idOrNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { return nil }
        return try read("find case") { db in
            var record: CaseRecord?
            if key.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let id = Int64(key) {
                record = try fetchCase(db, id: id)
            } else if let row = try Row.fetchOne(db, sql: """
                SELECT \(RowCoding.caseColumns) FROM cases WHERE number = ? COLLATE NOCASE
                """, arguments: [key]) {
                record = try RowCoding.caseRecord(row)
            }
            // Follow redirects; the hop limit guards against a cycle in a damaged file.
            var hops = 0
            while let current = record, let next = current.mergedInto, hops < 64,
                  let target = try fetchCase(db, id: next) {
                record = target
                hops += 1
            }
            return record
        }
    }

    /// The events of a case, oldest first (by `seq`).
    public func events(caseId: Int64) throws(StoreError) -> [CaseEvent] {
        try read("read events") { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(RowCoding.eventColumns) FROM case_events WHERE case_id = ? ORDER BY seq
                """), arguments: [caseId]).map(RowCoding.event)
        }
    }

    /// Cases matching `filter`, newest first (by creation time, then id); merged cases excluded.
    public func list(_ filter: CaseFilter) throws(StoreError) -> [CaseRecord] {
        let (clause, arguments) = Self.whereClause(filter)
        let limit = min(max(filter.limit, 0), 10_000)
        let offset = max(filter.offset, 0)
        return try read("list cases") { db in
            try Row.fetchAll(db, sql: """
                SELECT \(RowCoding.caseColumns) FROM cases WHERE \(clause)
                ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?
                """, arguments: arguments + [limit, offset]).map(RowCoding.caseRecord)
        }
    }

    /// How many cases match `filter` (its `limit` and `offset` are ignored); merged cases excluded.
    public func count(_ filter: CaseFilter) throws(StoreError) -> Int {
        let (clause, arguments) = Self.whereClause(filter)
        return try read("count cases") { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM cases WHERE \(clause)", arguments: arguments) ?? 0
        }
    }

    /// Counts by kind, status and department (merged cases excluded).
    public func summary() throws(StoreError) -> StoreSummary {
        try read("summarise cases") { db in
            func counts(_ column: String) throws -> [String: Int] {
                var result: [String: Int] = [:]
                let rows = try Row.fetchAll(db, sql: """
                    SELECT coalesce(\(column), ''), count(*) FROM cases WHERE merged_into IS NULL GROUP BY 1
                    """)
                for row in rows {
                    result[try row.decode(String.self, atIndex: 0)] = try row.decode(Int.self, atIndex: 1)
                }
                return result
            }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM cases WHERE merged_into IS NULL") ?? 0
            return StoreSummary(total: total, byKind: try counts("kind"), byStatus: try counts("status"),
                                byDepartment: try counts("department"))
        }
    }

    /// Calls `body` with every case (merged ones included), in id order, reading one row at a time.
    ///
    /// - Throws: A `StoreError` from the store, or whatever `body` throws (which stops the iteration).
    public func forEachCase(_ body: (CaseRecord) throws -> Void) throws {
        do {
            try pool.read { db in
                let cursor = try Row.fetchCursor(db, sql: "SELECT \(RowCoding.caseColumns) FROM cases ORDER BY id")
                while let row = try cursor.next() {
                    try body(try RowCoding.caseRecord(row))
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.wrap(error, "export cases")
        }
    }

    /// The recorded scans of a posting, oldest first.
    public func scans(postingId: String) throws(StoreError) -> [ScanRecord] {
        try read("read scans") { db in
            try Row.fetchAll(db, sql: """
                SELECT posting_id, scanned_at, verdict, score, findings, source FROM posting_scans
                WHERE posting_id = ? ORDER BY scanned_at, id
                """, arguments: [postingId]).map(RowCoding.scan)
        }
    }

    // MARK: - Helpers

    func fetchCase(_ db: Database, id: Int64) throws -> CaseRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(RowCoding.caseColumns) FROM cases WHERE id = ?"),
                         arguments: [id]).map(RowCoding.caseRecord)
    }

    static func whereClause(_ filter: CaseFilter) -> (String, StatementArguments) {
        var conditions = ["merged_into IS NULL"]
        var arguments = StatementArguments()
        if let statuses = filter.status {
            conditions.append("status IN (\(Array(repeating: "?", count: statuses.count).joined(separator: ", ")))")
            arguments += StatementArguments(statuses.map(\.rawValue))
        }
        if let kinds = filter.kind {
            conditions.append("kind IN (\(Array(repeating: "?", count: kinds.count).joined(separator: ", ")))")
            arguments += StatementArguments(kinds.map(\.rawValue))
        }
        if let department = filter.department {
            conditions.append("department = ?")
            arguments += [department]
        }
        if let assignee = filter.assignee {
            conditions.append("assignee = ?")
            arguments += [assignee]
        }
        if let from = filter.createdFrom {
            conditions.append("created_at >= ?")
            arguments += [RowCoding.milliseconds(from)]
        }
        if let to = filter.createdTo {
            conditions.append("created_at < ?")
            arguments += [RowCoding.milliseconds(to)]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }
}
