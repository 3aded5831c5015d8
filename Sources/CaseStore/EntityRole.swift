import EntityKit

/// Where an entity was seen: as a party of a case, in a narrative, or in a recorded job posting.
public enum EntityRole: String, Codable, Sendable, CaseIterable {
    case respondent
    case complainant
    case narrative
    case posting
}

/// One entity to index for a case or a posting: the entity, its role and the form it was written in.
public struct EntityOccurrence: Sendable, Equatable {
    public var entity: Entity
    public var role: EntityRole
    /// The raw text; kept (width-folded) as the display form of a new entity. Never logged.
    public var written: String

    public init(entity: Entity, role: EntityRole, written: String) {
        self.entity = entity
        self.role = role
        self.written = written
    }
}
