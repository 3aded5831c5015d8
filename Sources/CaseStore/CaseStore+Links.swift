import CaseCore
import Foundation
import GRDB

extension CaseStore {
    /// Stores `link` and appends a `link` event (with `reason`) to the case `link.from`, in one transaction.
    ///
    /// - Throws: `.invalid` for a link of a case to itself or a link that already exists, `.notFound` for an
    ///   unknown case.
    public func link(_ link: CaseLink, reason: String?) throws(StoreError) {
        guard link.from != link.to else { throw StoreError.invalid("case \(link.from) cannot be linked to itself") }
        try write("link cases") { db in
            for id in [link.from, link.to] where try !caseExists(db, id: id) {
                throw StoreError.notFound("case \(id)")
            }
            let exists = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM case_links WHERE from_case = ? AND to_case = ? AND type = ?)
                """, arguments: [link.from, link.to, link.type.rawValue]) ?? false
            if exists {
                throw StoreError.invalid("case \(link.from) is already linked to case \(link.to) (\(link.type))")
            }
            try insertLink(db, link)
            let event = CaseEvent(caseId: link.from, at: link.at, actor: link.actor, name: .link, reason: reason,
                                  detail: EventDetail(linkedCase: link.to, linkType: link.type.rawValue))
            try insertEvents(db, [event], defaultCaseId: link.from, encoder: RowCoding.encoder())
        }
        logger.debug("cases linked", metadata: ["case.id": "\(link.from)", "case.linked": "\(link.to)"])
    }

    /// Links from and to `caseId`, oldest first.
    public func links(caseId: Int64) throws(StoreError) -> [CaseLink] {
        try read("read links") { db in
            try Row.fetchAll(db, sql: """
                SELECT from_case, to_case, type, at, actor FROM case_links
                WHERE from_case = ? OR to_case = ? ORDER BY id
                """, arguments: [caseId, caseId]).map(RowCoding.link)
        }
    }

    /// Merges the duplicate `sourceId` into `targetId`.
    ///
    /// In one transaction: sets the source's `mergedInto` and version +1 (if its version is still
    /// `expectedSourceVersion`), stores a `duplicateOf` link source → target, appends a `merge` event to the source
    /// and an `absorb` event to the target, and removes the source from search. `find` then redirects to the
    /// target; `list`, `count`, `search` and `summary` skip the source. The target's version is unchanged.
    ///
    /// - Returns: Both cases as stored.
    /// - Throws: `.conflict` when the source changed; `.notFound`; `.invalid` when a case is merged already or
    ///   source and target are the same case.
    public func merge(sourceId: Int64, into targetId: Int64, expectedSourceVersion: Int, actor: String, at: Date,
                      reason: String?) throws(StoreError) -> (source: CaseRecord, target: CaseRecord) {
        guard sourceId != targetId else { throw StoreError.invalid("case \(sourceId) cannot be merged into itself") }
        let result = try write("merge cases") { db in
            guard let source = try fetchCase(db, id: sourceId) else { throw StoreError.notFound("case \(sourceId)") }
            guard let target = try fetchCase(db, id: targetId) else { throw StoreError.notFound("case \(targetId)") }
            guard source.version == expectedSourceVersion else {
                throw StoreError.conflict(caseId: sourceId, expected: expectedSourceVersion, current: source.version)
            }
            for merged in [source, target] {
                if let into = merged.mergedInto {
                    throw StoreError.invalid("case \(merged.id) was already merged into case \(into)")
                }
            }
            var updated = source
            updated.mergedInto = targetId
            updated.version = source.version + 1
            updated.updatedAt = RowCoding.stored(at)
            try db.execute(sql: """
                UPDATE cases SET merged_into = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?
                """, arguments: [targetId, updated.version, RowCoding.milliseconds(at), sourceId, source.version])
            try unindex(db, source)
            try insertLink(db, CaseLink(from: sourceId, to: targetId, type: .duplicateOf, at: at, actor: actor),
                           ignoringDuplicate: true)
            let encoder = RowCoding.encoder()
            let link = EventDetail(linkedCase: targetId, linkType: LinkType.duplicateOf.rawValue)
            try insertEvents(db, [CaseEvent(caseId: sourceId, at: at, actor: actor, name: .merge, reason: reason,
                                            detail: link)], defaultCaseId: sourceId, encoder: encoder)
            let absorbed = EventDetail(linkedCase: sourceId, linkType: LinkType.duplicateOf.rawValue)
            try insertEvents(db, [CaseEvent(caseId: targetId, at: at, actor: actor, name: .absorb, reason: reason,
                                            detail: absorbed)], defaultCaseId: targetId, encoder: encoder)
            return (source: updated, target: target)
        }
        logger.info("cases merged", metadata: ["case.id": "\(sourceId)", "case.target": "\(targetId)"])
        return result
    }

    func insertLink(_ db: Database, _ link: CaseLink, ignoringDuplicate: Bool = false) throws {
        try db.execute(sql: """
            INSERT \(ignoringDuplicate ? "OR IGNORE " : "")INTO case_links (from_case, to_case, type, at, actor)
            VALUES (?, ?, ?, ?, ?)
            """, arguments: [link.from, link.to, link.type.rawValue, RowCoding.milliseconds(link.at), link.actor])
    }
}
