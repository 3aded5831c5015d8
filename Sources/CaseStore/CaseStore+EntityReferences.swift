import EntityKit
import Foundation
import GRDB

/// Stable numeric references to indexed entities (so a page or script can address an entity whose contact value
/// it is not allowed to see), and the audit of unmasked reads.
extension CaseStore {
    /// The row ids of indexed entities; entities not in the index are absent from the answer.
    public func entityIDs(_ entities: [Entity]) throws(StoreError) -> [Entity: Int64] {
        guard !entities.isEmpty else { return [:] }
        return try read("entity ids") { db in
            var out: [Entity: Int64] = [:]
            let statement = try db.cachedStatement(sql: "SELECT id FROM entities WHERE kind = ? AND value = ?")
            for entity in Set(entities) {
                if let id = try Int64.fetchOne(statement, arguments: [entity.kind.rawValue, entity.value]) {
                    out[entity] = id
                }
            }
            return out
        }
    }

    /// The entity with row id `id`, nil when there is none (or its kind is unknown to this build).
    public func entity(id: Int64) throws(StoreError) -> Entity? {
        try read("entity by id") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT kind, value FROM entities WHERE id = ?", arguments: [id]),
                  let kind = EntityKind(rawValue: row["kind"]) else { return nil }
            return Entity(kind: kind, value: row["value"])
        }
    }

    /// Appends a `viewPersonal` entry (who, when, through what) to an indexed entity's audit log: reading its
    /// contact value unmasked is an audited event, like reading a case's full personal record.
    ///
    /// - Throws: `.notFound` when the entity is not indexed, `.io` on SQLite failure.
    public func auditUnmaskedRead(_ entity: Entity, actor: String, via: String, at: Date) throws(StoreError) {
        try write("audit unmasked entity read") { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM entities WHERE kind = ? AND value = ?",
                                              arguments: [entity.kind.rawValue, entity.value]) else {
                throw StoreError.notFound("\(entity.kind.rawValue) entity")
            }
            try audit(db, entityId: id, at: RowCoding.milliseconds(at), actor: actor, action: "viewPersonal",
                      reason: via)
        }
    }
}
