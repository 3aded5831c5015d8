import CaseCore
import Foundation
import GRDB

extension CaseStore {
    /// Cases whose narrative, party names or phones, or number contain every word of `query`, most recently
    /// registered first (highest id first). Merged cases are not returned.
    ///
    /// Works for Chinese queries of any length (`金`, `押金`, `交押金后`), ASCII words and digits. Matching is by
    /// substring after normalisation (NFKC, lower-case); punctuation and spaces separate words, and words are
    /// ANDed. Query text is never FTS5 syntax: `"`, `*`, `OR`, `NEAR(` are searched as text (or ignored as
    /// punctuation).
    ///
    /// ```swift
    /// let hits = try store.search("押金 刷单", limit: 20)
    /// ```
    ///
    /// - Returns: At most `limit` cases; `[]` for a query with no letters or digits.
    public func search(_ query: String, limit: Int = 50) throws(StoreError) -> [CaseRecord] {
        guard let expression = SearchText.matchExpression(query), limit > 0 else { return [] }
        return try read("search") { db in
            let ids = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC LIMIT ?
                """), arguments: [expression, min(limit, 10_000)])
            guard !ids.isEmpty else { return [] }
            let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            return try Row.fetchAll(db, sql: """
                SELECT \(RowCoding.caseColumns) FROM cases
                WHERE id IN (\(placeholders)) AND merged_into IS NULL ORDER BY id DESC
                """, arguments: StatementArguments(ids)).map(RowCoding.caseRecord)
        }
    }

    /// Rebuilds the full-text index from the `cases` table (after a change of tokenisation, or a repair).
    ///
    /// - Returns: The number of cases indexed.
    @discardableResult
    public func rebuildSearchIndex() throws(StoreError) -> Int {
        let count = try write("rebuild search index") { db in
            try db.execute(sql: "INSERT INTO case_search (case_search) VALUES ('delete-all')")
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT \(RowCoding.caseColumns) FROM cases WHERE merged_into IS NULL ORDER BY id
                """)
            var count = 0
            while let row = try cursor.next() {
                try index(db, try RowCoding.caseRecord(row))
                count += 1
            }
            return count
        }
        logger.info("search index rebuilt", metadata: ["count": "\(count)"])
        return count
    }

    // MARK: - Index maintenance (inside a write transaction)

    /// The texts a case is found by.
    static func searchParts(_ record: CaseRecord) -> [String] {
        var parts = [record.narrative, record.number]
        for party in record.parties {
            parts.append(party.name)
            if let phone = party.phone { parts.append(phone) }
        }
        return parts
    }

    func index(_ db: Database, _ record: CaseRecord) throws {
        let document = SearchText.document(Self.searchParts(record))
        try db.cachedStatement(sql: "INSERT INTO case_search (rowid, uni, bi) VALUES (?, ?, ?)")
            .execute(arguments: [record.id, document.unigrams, document.bigrams])
    }

    /// Removes `record` as it is stored (the contentless index needs the tokens it was given).
    func unindex(_ db: Database, _ record: CaseRecord) throws {
        let document = SearchText.document(Self.searchParts(record))
        try db.cachedStatement(sql: """
            INSERT INTO case_search (case_search, rowid, uni, bi) VALUES ('delete', ?, ?, ?)
            """).execute(arguments: [record.id, document.unigrams, document.bigrams])
    }

    func reindex(_ db: Database, old: CaseRecord, new: CaseRecord) throws {
        guard Self.searchParts(old) != Self.searchParts(new) else { return }
        try unindex(db, old)
        try index(db, new)
    }
}
