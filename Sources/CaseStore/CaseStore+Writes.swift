import CaseCore
import Foundation
import GRDB

extension CaseStore {
    /// Creates a case and its opening event, durably, and indexes the entities it names.
    ///
    /// Assigns the id and the number `PREFIX-YYYY-NNNNNN` (year of `createdAt` in China Standard Time, a 6-digit
    /// sequence per prefix and year), sets version 1, and appends `openEvent` with its `caseId` filled in.
    /// Dates are stored to the millisecond; the returned record holds them as stored.
    ///
    /// Concurrent calls share one transaction (group commit): each case is written in its own savepoint and the
    /// call returns only after the transaction holding it has committed (`synchronous = FULL`). A case that
    /// cannot be written fails alone; the others of its group are stored. Entity indexing runs in a nested
    /// savepoint: if it fails, it is logged (case id only) and the case is still stored (`rebuildEntityIndex`
    /// indexes it later).
    ///
    /// - Parameters:
    ///   - record: The case; `id`, `number`, `version` and `mergedInto` are ignored.
    ///   - openEvent: The `open` event to append.
    ///   - numberPrefix: 1–8 upper-case ASCII letters or digits, e.g. `WC`.
    ///   - entities: The entities the case names, indexed in the same transaction (may be empty).
    /// - Returns: The stored record.
    /// - Throws: `.invalid` for a bad prefix, `.io` on SQLite failure.
    public func create(_ record: CaseRecord, openEvent: CaseEvent, numberPrefix: String,
                       entities: [EntityOccurrence] = []) throws(StoreError) -> CaseRecord {
        try Self.validate(prefix: numberPrefix)
        let stored: CaseRecord
        do {
            stored = try intakes.perform { [self] db in
                let stored = try insertCase(db, record, openEvent: openEvent, prefix: numberPrefix,
                                            encoder: RowCoding.encoder())
                indexInline(db, stored, entities)
                return stored
            }
        } catch {
            throw StoreError.wrap(error, "create case")
        }
        logger.debug("case created", metadata: ["case.id": "\(stored.id)"])
        return stored
    }

    /// Indexes the entities of a case being created, in a savepoint of its own: a failure is logged and rolled
    /// back without undoing the case.
    func indexInline(_ db: Database, _ stored: CaseRecord, _ entities: [EntityOccurrence]) {
        guard !entities.isEmpty else { return }
        do {
            try db.inSavepoint {
                let at = RowCoding.milliseconds(stored.createdAt)
                for occurrence in Self.byPrecedence(entities) {
                    try insertMention(db, occurrence, source: "c:\(stored.id)", caseId: stored.id, postingId: nil,
                                      caseKind: stored.kind.rawValue, at: at)
                }
                return .commit
            }
        } catch {
            logger.error("entity indexing failed", metadata: ["case.id": "\(stored.id)", "error": "\(error)"])
        }
    }

    /// Imports cases in transactions of up to 1 000 cases each, like `create` for every item.
    ///
    /// - Returns: The number of cases imported.
    /// - Throws: `.invalid` for a bad prefix, `.io` on SQLite failure (earlier batches stay committed).
    public func importBatch(_ items: [(record: CaseRecord, openEvent: CaseEvent)], numberPrefix: String)
        throws(StoreError) -> Int {
        try Self.validate(prefix: numberPrefix)
        let batchSize = 1_000
        var imported = 0
        var start = 0
        while start < items.count {
            let batch = items[start..<min(start + batchSize, items.count)]
            try write("import cases") { db in
                let encoder = RowCoding.encoder()
                for item in batch {
                    _ = try insertCase(db, item.record, openEvent: item.openEvent, prefix: numberPrefix,
                                       encoder: encoder)
                }
            }
            imported += batch.count
            start += batchSize
        }
        logger.info("cases imported", metadata: ["count": "\(imported)"])
        return imported
    }

    /// Writes `record` as version `expectedVersion + 1` and appends `events`, atomically, if the stored version is
    /// still `expectedVersion`.
    ///
    /// `number`, `createdAt` and `mergedInto` are kept from the stored case. Events with `caseId` 0 are appended to
    /// `record.id`.
    ///
    /// - Returns: The stored record.
    /// - Throws: `.conflict` (nothing written) when someone else changed the case first; `.notFound`; `.invalid`
    ///   for a merged case or an event of another case.
    public func update(_ record: CaseRecord, expectedVersion: Int, events: [CaseEvent]) throws(StoreError)
        -> CaseRecord {
        let stored = try write("update case") { db in
            guard let current = try fetchCase(db, id: record.id) else {
                throw StoreError.notFound("case \(record.id)")
            }
            guard current.version == expectedVersion else {
                throw StoreError.conflict(caseId: record.id, expected: expectedVersion, current: current.version)
            }
            if let target = current.mergedInto {
                throw StoreError.invalid("case \(record.id) was merged into case \(target)")
            }
            var next = record
            next.number = current.number
            next.createdAt = current.createdAt
            next.updatedAt = RowCoding.stored(record.updatedAt)
            next.mergedInto = nil
            next.version = expectedVersion + 1
            let encoder = RowCoding.encoder()
            let statement = try db.cachedStatement(sql: """
                UPDATE cases SET kind = ?, channel = ?, status = ?, priority = ?, narrative = ?, parties = ?,
                    department = ?, assignee = ?, tags = ?, facts = ?, updated_at = ?, version = ?
                WHERE id = ? AND version = ?
                """)
            try statement.execute(arguments: StatementArguments(RowCoding.mutableValues(next, encoder))
                + [next.version, record.id, expectedVersion])
            try reindex(db, old: current, new: next)
            try insertEvents(db, events, defaultCaseId: record.id, encoder: encoder)
            return next
        }
        logger.debug("case updated", metadata: ["case.id": "\(stored.id)", "case.version": "\(stored.version)"])
        return stored
    }

    /// Appends events without changing any case or version (notes, reads of personal data, ...).
    ///
    /// - Throws: `.invalid` for an event without a case id, `.notFound` for an unknown case.
    public func append(_ events: [CaseEvent]) throws(StoreError) {
        guard !events.isEmpty else { return }
        try write("append events") { db in
            try insertEvents(db, events, defaultCaseId: nil, encoder: RowCoding.encoder())
        }
        logger.debug("events appended", metadata: ["count": "\(events.count)"])
    }

    /// Records scan verdicts of job postings, all in one transaction.
    public func recordScans(_ records: [ScanRecord]) throws(StoreError) {
        guard !records.isEmpty else { return }
        try write("record scans") { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO posting_scans (posting_id, scanned_at, verdict, score, findings, source)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            for scan in records {
                try statement.execute(arguments: [scan.postingId, RowCoding.milliseconds(scan.scannedAt),
                                                  scan.verdict, scan.score, scan.findingsJSON, scan.source])
            }
        }
        logger.debug("scans recorded", metadata: ["count": "\(records.count)"])
    }

    // MARK: - Building blocks (inside a write transaction)

    static func validate(prefix: String) throws(StoreError) {
        let valid = (1...8).contains(prefix.utf8.count)
            && prefix.utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }
        guard valid else {
            throw StoreError.invalid("case number prefix must be 1–8 characters A–Z or 0–9")
        }
    }

    func insertCase(_ db: Database, _ record: CaseRecord, openEvent: CaseEvent, prefix: String,
                    encoder: JSONEncoder) throws -> CaseRecord {
        var stored = record
        stored.createdAt = RowCoding.stored(record.createdAt)
        stored.updatedAt = RowCoding.stored(record.updatedAt)
        stored.version = 1
        stored.mergedInto = nil
        let year = CalendarDay(stored.createdAt).year
        let sequence = try Int64.fetchOne(db.cachedStatement(sql: """
            INSERT INTO case_numbers (prefix, year, last) VALUES (?, ?, 1)
            ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1
            RETURNING last
            """), arguments: [prefix, year]) ?? 1
        stored.number = Self.caseNumber(prefix: prefix, year: year, sequence: sequence)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO cases (kind, channel, status, priority, narrative, parties, department, assignee, tags,
                facts, updated_at, number, created_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        try statement.execute(arguments: StatementArguments(RowCoding.mutableValues(stored, encoder))
            + [stored.number, RowCoding.milliseconds(stored.createdAt)])
        stored.id = db.lastInsertedRowID
        try index(db, stored)
        var event = openEvent
        event.caseId = stored.id
        try insertEvents(db, [event], defaultCaseId: stored.id, encoder: encoder)
        return stored
    }

    /// `WC-2026-000123`.
    static func caseNumber(prefix: String, year: Int, sequence: Int64) -> String {
        let digits = String(sequence)
        return "\(prefix)-\(year)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }

    func insertEvents(_ db: Database, _ events: [CaseEvent], defaultCaseId: Int64?, encoder: JSONEncoder) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO case_events (case_id, at, actor, name, from_status, to_status, reason, text, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var known = Set<Int64>()
        for var event in events {
            if event.caseId == 0, let defaultCaseId { event.caseId = defaultCaseId }
            if let defaultCaseId, event.caseId != defaultCaseId {
                throw StoreError.invalid("event for case \(event.caseId) in a write of case \(defaultCaseId)")
            }
            if !known.contains(event.caseId) {
                guard event.caseId != 0 else { throw StoreError.invalid("event without a case id") }
                guard try caseExists(db, id: event.caseId) else { throw StoreError.notFound("case \(event.caseId)") }
                known.insert(event.caseId)
            }
            try statement.execute(arguments: RowCoding.eventValues(event, encoder))
        }
    }

    func caseExists(_ db: Database, id: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?)"),
                          arguments: [id]) ?? false
    }
}
