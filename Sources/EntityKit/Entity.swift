/// A normalised entity: a kind and a canonical value, equal however the source wrote it.
///
/// ```swift
/// let a = EntityNormalizer.entity(.company, "深圳市好运来劳务派遣有限责任公司")
/// let b = EntityNormalizer.entity(.company, "深圳市 好运来劳务派遣有限公司")
/// assert(a == b)
/// ```
public struct Entity: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// What the value is.
    public var kind: EntityKind
    /// The canonical value (see ``EntityNormalizer``).
    public var value: String

    /// Creates an entity from an already normalised value.
    public init(kind: EntityKind, value: String) {
        self.kind = kind
        self.value = value
    }

    public static func < (lhs: Entity, rhs: Entity) -> Bool {
        (lhs.kind, lhs.value) < (rhs.kind, rhs.value)
    }

    /// `kind:value`, e.g. `phone:13812345678`.
    public var description: String { "\(kind.rawValue):\(value)" }

    /// The value for display: contact values are masked (`138****5678`) unless `masked` is false.
    public func display(masked: Bool) -> String {
        guard masked, kind.isContact else { return value }
        let characters = Array(value)
        guard characters.count > 4 else { return String(repeating: "*", count: characters.count) }
        let keep = characters.count >= 11 ? 3 : 2
        return String(characters.prefix(keep)) + String(repeating: "*", count: characters.count - keep - 2)
            + String(characters.suffix(2))
    }
}

/// One entity found in a text: the entity, where (UTF-8 byte range of the source text) and the raw text.
public struct EntityMention: Hashable, Sendable {
    /// The normalised entity.
    public var entity: Entity
    /// UTF-8 byte range in the text the mention was found in.
    public var range: Range<Int>
    /// The text as written.
    public var raw: String

    /// Creates a mention.
    public init(entity: Entity, range: Range<Int>, raw: String) {
        self.entity = entity
        self.range = range
        self.raw = raw
    }
}

/// Everything ``EntityExtractor`` found in one text.
public struct EntityExtraction: Sendable, Equatable {
    /// Valid entities, in text order.
    public var mentions: [EntityMention]
    /// 18-character codes that look like unified social credit codes but fail the GB 32100-2015 check: a finding.
    public var invalidCreditCodes: [EntityMention]

    /// Creates an extraction.
    public init(mentions: [EntityMention] = [], invalidCreditCodes: [EntityMention] = []) {
        self.mentions = mentions
        self.invalidCreditCodes = invalidCreditCodes
    }

    /// The distinct entities, sorted.
    public var entities: [Entity] { Array(Set(mentions.map(\.entity))).sorted() }

    /// The distinct entities of one kind, sorted.
    public func entities(of kind: EntityKind) -> [Entity] { entities.filter { $0.kind == kind } }
}
