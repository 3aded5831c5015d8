import CaseCore
import Foundation

/// A case as shown to a user or a script: the record, its service deadline, and optionally its timeline and links.
///
/// JSON keys (stable, see `docs/cli.md`): `id`, `number`, `kind`, `channel`, `status`, `priority`, `narrative`,
/// `parties`, `department`, `assignee`, `tags`, `facts`, `createdAt`, `updatedAt`, `version`, `mergedInto`, `dueAt`,
/// `overdue`, `deadline`, and with `show`: `events`, `links`.
public struct CaseView: Sendable, Equatable, Encodable {
    public var record: CaseRecord
    public var deadline: ServiceDeadline
    public var events: [CaseEvent]?
    public var links: [CaseLink]?
    /// True when personal data (phones, ID numbers, names) is masked.
    public var masked: Bool

    public var dueAt: Date? { deadline.dueAt }
    public var overdue: Bool { deadline.isOverdue }

    enum CodingKeys: String, CodingKey {
        case id, number, kind, channel, status, priority, narrative, parties, department, assignee, tags, facts
        case createdAt, updatedAt, version, mergedInto, dueAt, overdue, deadline, events, links, masked
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(record.id, forKey: .id)
        try c.encode(record.number, forKey: .number)
        try c.encode(record.kind, forKey: .kind)
        try c.encode(record.channel, forKey: .channel)
        try c.encode(record.status, forKey: .status)
        try c.encode(record.priority, forKey: .priority)
        try c.encode(record.narrative, forKey: .narrative)
        try c.encode(record.parties, forKey: .parties)
        try c.encodeIfPresent(record.department, forKey: .department)
        try c.encodeIfPresent(record.assignee, forKey: .assignee)
        try c.encode(record.tags, forKey: .tags)
        try c.encode(record.facts, forKey: .facts)
        try c.encode(record.createdAt, forKey: .createdAt)
        try c.encode(record.updatedAt, forKey: .updatedAt)
        try c.encode(record.version, forKey: .version)
        try c.encodeIfPresent(record.mergedInto, forKey: .mergedInto)
        try c.encodeIfPresent(dueAt, forKey: .dueAt)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(deadline, forKey: .deadline)
        try c.encodeIfPresent(events, forKey: .events)
        try c.encodeIfPresent(links, forKey: .links)
        try c.encode(masked, forKey: .masked)
    }
}
