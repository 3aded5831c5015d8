import EntityKit
import Foundation

/// One indexed entity with its first and last sighting and how many cases and postings name it.
public struct EntityRecord: Codable, Sendable, Equatable {
    public var entity: Entity
    /// The form first seen (for company names: as written; contacts are shown masked by callers).
    public var display: String
    public var firstSeen: Date
    public var lastSeen: Date
    /// Distinct cases naming it (merged duplicates included).
    public var cases: Int
    /// Distinct recorded postings naming it.
    public var postings: Int
    /// On the watchlist.
    public var watched: Bool
}

/// A case that names an entity, for `entities cases` and intake suggestions.
public struct EntityCaseRef: Codable, Sendable, Equatable {
    public var caseId: Int64
    public var number: String
    public var kind: String
    public var status: String
    /// The role the entity has in that case.
    public var role: EntityRole
    public var at: Date
    /// Set when the case was merged into another one.
    public var mergedInto: Int64?
}

/// How many cases (other than as complainant) and postings named an entity in the last `days` days.
public struct EntityWindowCount: Codable, Sendable, Equatable {
    public var days: Int
    public var cases: Int
    public var postings: Int
}

/// A watchlist entry.
public struct WatchEntry: Codable, Sendable, Equatable {
    public var entity: Entity
    public var addedAt: Date
    public var addedBy: String
    public var reason: String
}

/// One audited change of the watchlist (`watch` or `unwatch`), with its reason.
public struct EntityAuditEntry: Codable, Sendable, Equatable {
    public var entity: Entity
    public var at: Date
    public var actor: String
    public var action: String
    public var reason: String
}

/// A flag raised on an entity by a rule module, with where and why.
public struct EntityFlagRecord: Codable, Sendable, Equatable {
    public var entity: Entity
    /// The rule id (e.g. `black_intermediary.charging_intermediary`).
    public var rule: String
    /// The case that raised it, if any.
    public var caseId: Int64?
    /// The posting that raised it, if any.
    public var postingId: String?
    public var at: Date
    /// Evidence excerpts (no personal data beyond what the source text shows).
    public var evidence: [String]

    public init(entity: Entity, rule: String, caseId: Int64? = nil, postingId: String? = nil, at: Date,
                evidence: [String]) {
        self.entity = entity
        self.rule = rule
        self.caseId = caseId
        self.postingId = postingId
        self.at = at
        self.evidence = evidence
    }

    var source: String { caseId.map { "c:\($0)" } ?? "p:\(postingId ?? "")" }
}

/// All flags of one entity since a date: rule ids with counts, sources, and the latest evidence.
public struct EntityFlagSummary: Codable, Sendable, Equatable {
    public var entity: EntityRecord
    /// Rule id → number of flags.
    public var rules: [String: Int]
    /// Number of distinct cases and postings that raised flags.
    public var sources: Int
    public var lastFlagged: Date
    /// A few evidence excerpts, newest first.
    public var evidence: [String]

    public init(entity: EntityRecord, rules: [String: Int], sources: Int, lastFlagged: Date, evidence: [String]) {
        self.entity = entity
        self.rules = rules
        self.sources = sources
        self.lastFlagged = lastFlagged
        self.evidence = evidence
    }
}
