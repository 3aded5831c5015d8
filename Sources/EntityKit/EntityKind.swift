/// The kinds of entity RightsDesk extracts, normalises and indexes.
///
/// Raw values are stored in the entity index and used by rule modules (`EvaluationContext.entityCount(kind:…)`):
/// never rename one.
public enum EntityKind: String, CaseIterable, Codable, Sendable, Comparable {
    /// A mobile (11 digits, `1[3-9]…`) or landline (`0` + area code + local number) number, digits only.
    case phone
    /// A WeChat id (lower-cased) or a phone number used as one (digits).
    case wechat
    /// A QQ number (5–11 digits).
    case qq
    /// A company name, normalised by ``EntityNormalizer/company(_:)``.
    case company
    /// A unified social credit code (18 characters, valid GB 32100-2015 check character).
    case creditCode
    /// A 人力资源服务许可证 number as written (width and brackets folded).
    case licence

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// Whether values of this kind are personal data that lists and exports mask.
    public var isContact: Bool {
        switch self {
        case .phone, .wechat, .qq: true
        case .company, .creditCode, .licence: false
        }
    }
}
