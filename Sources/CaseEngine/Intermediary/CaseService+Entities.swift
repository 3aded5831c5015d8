import CaseCore
import CaseStore
import EntityKit
import Foundation

extension CaseService {
    /// The service's current time (the injected clock), for commands that stamp entity changes.
    public var currentTime: Date { now() }

    /// Indexes every stored case (idempotent); for databases created before the entity index.
    ///
    /// - Returns: the number of cases visited.
    public func rebuildEntityIndex() throws(EngineError) -> Int {
        // Collected first, written after: a write must not run inside the store's read of all cases.
        var all: [(caseId: Int64, occurrences: [EntityOccurrence])] = []
        do {
            try store.forEachCase { record in all.append((record.id, CaseEntities.occurrences(of: record))) }
            var start = 0
            while start < all.count {
                try store.indexCases(Array(all[start..<min(start + 2_000, all.count)]))
                start += 2_000
            }
        } catch let error as StoreError {
            throw EngineError.from(error)
        } catch {
            throw .configuration("entity index: \(error)")
        }
        return all.count
    }

    /// Everything the index knows about one entity.
    public func entityDetail(_ entity: Entity, now: Date? = nil) throws(EngineError) -> EntityDetail {
        let at = now ?? self.now()
        do {
            guard let record = try store.entity(entity) else { throw EngineError.notFound("\(entity.kind.rawValue)") }
            return EntityDetail(
                record: record,
                windows: try [7, 30, 90, 365].map { try store.windowCount(entity, days: $0, now: at) },
                cases: try store.cases(naming: entity, limit: 50),
                postings: try store.postings(naming: entity, limit: 50),
                companies: entity.kind.isContact ? try store.companies(sharing: entity) : [],
                flags: try store.flags(of: entity),
                watch: try store.watchEntry(entity),
                audit: try store.entityAudit(entity))
        } catch let error as EngineError {
            throw error
        } catch let error as StoreError {
            throw EngineError.from(error)
        } catch {
            throw .configuration("\(error)")
        }
    }
}

/// One entity with its counts over time windows, cases, postings, sibling companies, flags and watchlist state.
public struct EntityDetail: Codable, Sendable, Equatable {
    public var record: EntityRecord
    /// Counts over the last 7, 30, 90 and 365 days.
    public var windows: [EntityWindowCount]
    public var cases: [EntityCaseRef]
    public var postings: [String]
    /// For a contact: the company names seen with it.
    public var companies: [String]
    public var flags: [EntityFlagRecord]
    public var watch: WatchEntry?
    public var audit: [EntityAuditEntry]
}
