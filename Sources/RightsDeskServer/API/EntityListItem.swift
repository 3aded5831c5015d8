import CaseStore
import EntityKit
import Foundation

/// One row of `GET /api/v1/entities`: the entity (masked per role) and, for `flagged=true`, its flag summary.
struct EntityListItem: Encodable {
    var id: Int64?
    var kind: String
    var value: String
    var display: String
    var firstSeen: Date
    var lastSeen: Date
    var caseCount: Int
    var postingCount: Int
    var watched: Bool
    /// Rule id → number of flags (`watchlist` for a watched entity); flagged lists only.
    var rules: [String: Int]?
    /// Distinct cases and postings that raised flags; flagged lists only.
    var flagSources: Int?
    var lastFlagged: Date?
    var evidence: [String]?

    init(_ r: EntityRecord, id: Int64?, masked: Bool, summary: EntityFlagSummary? = nil) {
        let hide: (String) -> String = { masked ? EntityMasking.text($0, hiding: r.entity) : $0 }
        self.id = id
        kind = r.entity.kind.rawValue
        value = masked ? EntityMasking.value(r.entity) : r.entity.value
        display = masked && r.entity.kind.isContact ? EntityMasking.value(r.entity) : hide(r.display)
        firstSeen = r.firstSeen
        lastSeen = r.lastSeen
        caseCount = r.cases
        postingCount = r.postings
        watched = r.watched
        rules = summary?.rules
        flagSources = summary?.sources
        lastFlagged = summary?.lastFlagged
        evidence = summary?.evidence.map(hide)
    }
}

/// A page of entities.
struct EntityPage: Encodable {
    var items: [EntityListItem]
    var limit: Int
    var offset: Int
    var masked: Bool
}
