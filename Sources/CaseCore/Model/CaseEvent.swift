import Foundation

/// What happened to a case: a workflow event, or one of the bookkeeping events that change no status.
public enum CaseEventName: String, CaseIterable, Codable, Sendable {
    case open
    case triage, assign, start, requestInfo, provideInfo, refer, resolve, close, reject, withdraw, reopen
    case note
    case update
    case extendDeadline
    case link
    case merge
    /// Recorded on the target of a merge.
    case absorb
    /// A person read the full (unmasked) personal record.
    case viewPersonalData
    /// The legal desk recorded its advice on a referred case (text in `CaseEvent.text`).
    case advise
    /// The legal desk recorded the outcome of a referral (text in `CaseEvent.text`).
    case outcome

    public init(_ event: WorkflowEvent) {
        // Every WorkflowEvent has a CaseEventName of the same raw value.
        self = CaseEventName(rawValue: event.rawValue)!
    }

    public var workflowEvent: WorkflowEvent? { WorkflowEvent(rawValue: rawValue) }
}

/// Structured details of an event; all optional.
public struct EventDetail: Codable, Sendable, Equatable {
    public var assignee: String?
    public var department: String?
    /// Referral target (e.g. `laborInspection`, `legalAid`).
    public var authority: String?
    /// Legal basis of a referral, e.g. `劳动合同法 第九条`.
    public var basis: String?
    public var extensionDays: Int?
    public var linkedCase: Int64?
    public var linkType: String?
    /// Names of fields changed by an `update`.
    public var fields: [String]?

    public init(assignee: String? = nil, department: String? = nil, authority: String? = nil, basis: String? = nil,
                extensionDays: Int? = nil, linkedCase: Int64? = nil, linkType: String? = nil,
                fields: [String]? = nil) {
        self.assignee = assignee
        self.department = department
        self.authority = authority
        self.basis = basis
        self.extensionDays = extensionDays
        self.linkedCase = linkedCase
        self.linkType = linkType
        self.fields = fields
    }

    public var isEmpty: Bool { self == EventDetail() }
}

/// One row of a case's append-only audit log: who, when, what, from → to, why.
public struct CaseEvent: Codable, Sendable, Equatable {
    /// Store-assigned sequence number (0 before stored); orders events of one case.
    public var seq: Int64
    public var caseId: Int64
    public var at: Date
    public var actor: String
    public var name: CaseEventName
    public var from: CaseStatus?
    public var to: CaseStatus?
    public var reason: String?
    /// Free text of a note. May hold personal data: never logged.
    public var text: String?
    public var detail: EventDetail

    public init(seq: Int64 = 0, caseId: Int64, at: Date, actor: String, name: CaseEventName,
                from: CaseStatus? = nil, to: CaseStatus? = nil, reason: String? = nil, text: String? = nil,
                detail: EventDetail = EventDetail()) {
        self.seq = seq
        self.caseId = caseId
        self.at = at
        self.actor = actor
        self.name = name
        self.from = from
        self.to = to
        self.reason = reason
        self.text = text
        self.detail = detail
    }
}

/// How two cases are linked.
public enum LinkType: String, CaseIterable, Codable, Sendable {
    /// The source duplicates the target (a merge records this and redirects).
    case duplicateOf
    case related
    /// The target groups the source (e.g. wage arrears of 30 workers under one parent).
    case parent
}

/// A link between two cases.
public struct CaseLink: Codable, Sendable, Equatable {
    public var from: Int64
    public var to: Int64
    public var type: LinkType
    public var at: Date
    public var actor: String

    public init(from: Int64, to: Int64, type: LinkType, at: Date, actor: String) {
        self.from = from
        self.to = to
        self.type = type
        self.at = at
        self.actor = actor
    }
}
