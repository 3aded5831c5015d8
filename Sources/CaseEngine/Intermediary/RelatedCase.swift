import CaseStore
import EntityKit
import Foundation
import RuleKit

/// Why a case is suggested as related to a new one.
public enum RelatedReason: String, Codable, Sendable {
    /// Both name the same respondent entity (company, phone, WeChat/QQ id, credit code, licence).
    case sameRespondent
    /// Same complainant phone.
    case sameComplainant
}

/// A case suggested at intake as a possible duplicate or related case, with the shared entities (contacts masked).
public struct RelatedCase: Codable, Sendable, Equatable {
    public var caseId: Int64
    public var number: String
    public var kind: String
    public var status: String
    /// Not yet resolved, closed, rejected or withdrawn.
    public var open: Bool
    public var reasons: [RelatedReason]
    /// The shared entities as `kind:display` (contacts masked).
    public var shared: [String]
    /// Same complainant and same respondent: probably the same matter called in twice.
    public var likelyDuplicate: Bool
}

/// A flag raised on an entity while checking a case or posting, for display.
public struct EntityFlagView: Codable, Sendable, Equatable {
    public var rule: String
    public var entity: String
    public var message: LocalizedText
    public var references: [String]
    public var evidence: [String]
}

/// What `case open` shows after storing a case: related cases, postings naming the same respondent, and flags.
public struct IntakeCheck: Codable, Sendable, Equatable {
    public var caseId: Int64
    public var number: String
    public var related: [RelatedCase]
    /// Recorded postings naming one of the case's respondent entities.
    public var postings: [String]
    public var flags: [EntityFlagView]
}
