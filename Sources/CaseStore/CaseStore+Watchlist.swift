import EntityKit
import Foundation
import GRDB

/// The watchlist (audited add and remove) and the flags rule modules raise on entities.
extension CaseStore {
    // MARK: - Watchlist

    /// Puts an entity on the watchlist and audits it; the entity is indexed if it was not yet.
    ///
    /// - Throws: `.invalid` when the reason is empty or the entity is watched already.
    public func watch(_ entity: Entity, display: String, reason: String, actor: String, at: Date) throws(StoreError) {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw StoreError.invalid("watch: a reason is required") }
        try write("watch entity") { db in
            let ms = RowCoding.milliseconds(at)
            let id = try upsertEntity(db, EntityOccurrence(entity: entity, role: .narrative, written: display), at: ms)
            let watched = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM entity_watchlist WHERE entity_id = ?)",
                                            arguments: [id]) ?? false
            guard !watched else { throw StoreError.invalid("\(entity.kind.rawValue) is on the watchlist already") }
            try db.execute(sql: "INSERT INTO entity_watchlist (entity_id, added_at, added_by, reason) VALUES (?, ?, ?, ?)",
                           arguments: [id, ms, actor, why])
            try audit(db, entityId: id, at: ms, actor: actor, action: "watch", reason: why)
        }
        logger.info("entity watched", metadata: ["entity.kind": "\(entity.kind.rawValue)"])
    }

    /// Removes an entity from the watchlist; the reason is required and audited.
    ///
    /// - Throws: `.invalid` when the reason is empty, `.notFound` when the entity is not watched.
    public func unwatch(_ entity: Entity, reason: String, actor: String, at: Date) throws(StoreError) {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw StoreError.invalid("unwatch: a reason is required") }
        try write("unwatch entity") { db in
            guard let id = try Int64.fetchOne(db, sql: """
                SELECT w.entity_id FROM entity_watchlist w JOIN entities e ON e.id = w.entity_id
                WHERE e.kind = ? AND e.value = ?
                """, arguments: [entity.kind.rawValue, entity.value]) else {
                throw StoreError.notFound("watchlist entry \(entity.kind.rawValue)")
            }
            try db.execute(sql: "DELETE FROM entity_watchlist WHERE entity_id = ?", arguments: [id])
            try audit(db, entityId: id, at: RowCoding.milliseconds(at), actor: actor, action: "unwatch", reason: why)
        }
        logger.info("entity unwatched", metadata: ["entity.kind": "\(entity.kind.rawValue)"])
    }

    /// The watchlist entry of an entity, nil when it is not watched.
    public func watchEntry(_ entity: Entity) throws(StoreError) -> WatchEntry? {
        try read("read watch entry") { db in
            try Row.fetchOne(db, sql: """
                SELECT e.kind, e.value, w.added_at, w.added_by, w.reason FROM entity_watchlist w
                JOIN entities e ON e.id = w.entity_id WHERE e.kind = ? AND e.value = ?
                """, arguments: [entity.kind.rawValue, entity.value]).map(Self.watchEntry)
        }
    }

    /// Every watched entity, newest first.
    public func watchlist() throws(StoreError) -> [WatchEntry] {
        try read("read watchlist") { db in
            try Row.fetchAll(db, sql: """
                SELECT e.kind, e.value, w.added_at, w.added_by, w.reason FROM entity_watchlist w
                JOIN entities e ON e.id = w.entity_id ORDER BY w.added_at DESC
                """).map(Self.watchEntry)
        }
    }

    /// The audit log of an entity's watchlist changes, oldest first.
    public func entityAudit(_ entity: Entity) throws(StoreError) -> [EntityAuditEntry] {
        try read("read entity audit") { db in
            try Row.fetchAll(db, sql: """
                SELECT a.at, a.actor, a.action, a.reason FROM entity_audit a JOIN entities e ON e.id = a.entity_id
                WHERE e.kind = ? AND e.value = ? ORDER BY a.seq
                """, arguments: [entity.kind.rawValue, entity.value]).map { row in
                EntityAuditEntry(entity: entity, at: RowCoding.date(row["at"]), actor: row["actor"],
                                 action: row["action"], reason: row["reason"])
            }
        }
    }

    func audit(_ db: Database, entityId: Int64, at: Int64, actor: String, action: String, reason: String) throws {
        try db.execute(sql: "INSERT INTO entity_audit (entity_id, at, actor, action, reason) VALUES (?, ?, ?, ?, ?)",
                       arguments: [entityId, at, actor, action, reason])
    }

    static func watchEntry(_ row: Row) throws -> WatchEntry {
        let rawKind: String = row["kind"]
        guard let kind = EntityKind(rawValue: rawKind) else { throw StoreError.invalid("entities.kind '\(rawKind)'") }
        return WatchEntry(entity: Entity(kind: kind, value: row["value"]), addedAt: RowCoding.date(row["added_at"]),
                          addedBy: row["added_by"], reason: row["reason"])
    }

    // MARK: - Flags

    /// Records flags (a flag already recorded for the same entity, rule and source is kept as it was).
    ///
    /// Concurrent callers share one durable transaction (group commit, like `create`; ADR 0012): each returns
    /// only after the commit that holds its flags.
    public func recordFlags(_ flags: [EntityFlagRecord]) throws(StoreError) {
        guard !flags.isEmpty else { return }
        do {
            try flagWrites.perform { [self] db in try insertFlags(db, flags) }
        } catch {
            throw StoreError.wrap(error, "record entity flags")
        }
    }

    private func insertFlags(_ db: Database, _ flags: [EntityFlagRecord]) throws {
        let encoder = RowCoding.encoder()
        for flag in flags {
            let ms = RowCoding.milliseconds(flag.at)
            let id = try upsertEntity(db, EntityOccurrence(entity: flag.entity, role: .narrative,
                                                           written: flag.entity.value), at: ms)
            try db.execute(sql: """
                INSERT OR IGNORE INTO entity_flags (entity_id, rule, source, at, evidence) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, flag.rule, flag.source, ms, try RowCoding.json(flag.evidence, encoder)])
        }
    }

    /// Entities flagged at or after `since`, most flagged first, with rule counts and a few evidence excerpts.
    public func flaggedEntities(since: Date, limit: Int = 100) throws(StoreError) -> [EntityFlagSummary] {
        try read("flagged entities") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT f.entity_id, f.rule, f.source, f.at, f.evidence FROM entity_flags f
                WHERE f.at >= ? ORDER BY f.at DESC
                """, arguments: [RowCoding.milliseconds(since)])
            var grouped: [Int64: [Row]] = [:]
            var order: [Int64] = []
            for row in rows {
                let id: Int64 = row["entity_id"]
                if grouped[id] == nil { order.append(id) }
                grouped[id, default: []].append(row)
            }
            var out: [EntityFlagSummary] = []
            for id in order {
                guard let flagRows = grouped[id],
                      let entityRow = try Row.fetchOne(db, sql: Self.entitySelect + " WHERE e.id = ?", arguments: [id])
                else { continue }
                out.append(try Self.flagSummary(Self.entityRecord(entityRow), flagRows))
            }
            out.sort { ($0.sources, $0.lastFlagged) > ($1.sources, $1.lastFlagged) }
            return Array(out.prefix(max(0, limit)))
        }
    }

    /// How many flags were recorded on an entity.
    public func flagCount(_ entity: Entity) throws(StoreError) -> Int {
        try read("entity flag count") { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM entity_flags f JOIN entities e ON e.id = f.entity_id WHERE e.kind = ? AND e.value = ?
                """, arguments: [entity.kind.rawValue, entity.value]) ?? 0
        }
    }

    /// Flags of one entity, newest first.
    public func flags(of entity: Entity) throws(StoreError) -> [EntityFlagRecord] {
        try read("entity flags") { db in
            try Row.fetchAll(db, sql: """
                SELECT f.rule, f.source, f.at, f.evidence FROM entity_flags f JOIN entities e ON e.id = f.entity_id
                WHERE e.kind = ? AND e.value = ? ORDER BY f.at DESC
                """, arguments: [entity.kind.rawValue, entity.value]).map { row in
                let source: String = row["source"]
                let evidence = (try? JSONDecoder().decode([String].self, from: Data((row["evidence"] as String).utf8))) ?? []
                return EntityFlagRecord(entity: entity, rule: row["rule"],
                                        caseId: source.hasPrefix("c:") ? Int64(source.dropFirst(2)) : nil,
                                        postingId: source.hasPrefix("p:") ? String(source.dropFirst(2)) : nil,
                                        at: RowCoding.date(row["at"]), evidence: evidence)
            }
        }
    }

    static func flagSummary(_ entity: EntityRecord, _ rows: [Row]) -> EntityFlagSummary {
        var rules: [String: Int] = [:]
        var sources = Set<String>()
        var evidence: [String] = []
        for row in rows {
            rules[row["rule"] as String, default: 0] += 1
            sources.insert(row["source"])
            let excerpts = (try? JSONDecoder().decode([String].self, from: Data((row["evidence"] as String).utf8))) ?? []
            for excerpt in excerpts where evidence.count < 5 && !evidence.contains(excerpt) { evidence.append(excerpt) }
        }
        let last: Int64 = rows.first?["at"] ?? 0
        return EntityFlagSummary(entity: entity, rules: rules, sources: sources.count, lastFlagged: RowCoding.date(last),
                                 evidence: evidence)
    }
}
