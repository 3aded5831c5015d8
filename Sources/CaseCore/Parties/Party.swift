/// Which side of a case a party is on.
public enum PartyRole: String, CaseIterable, Codable, Sendable {
    /// The worker or caller who complains or reports (投诉人 / 举报人).
    case complainant
    /// The party complained about (被投诉人).
    case respondent
}

/// What kind of organisation or person a respondent is.
public enum RespondentType: String, CaseIterable, Codable, Sendable {
    case employer
    case intermediary
    case platform
    case person
}

/// A person or organisation named in a case. Holds personal data: never log it; mask it with `masked()` where the
/// reader's role does not need it.
public struct Party: Codable, Sendable, Equatable {
    public var role: PartyRole
    /// For respondents: employer, intermediary or platform.
    public var type: RespondentType?
    public var name: String
    /// A mainland mobile number, normalised to 11 digits (see `PartyValidation.normaliseMobile`).
    public var phone: String?
    /// An 18-character resident ID number (GB 11643), upper-case check character.
    public var idNumber: String?
    /// Other contact details as given (WeChat id, address); free text.
    public var contact: String?

    public init(role: PartyRole, type: RespondentType? = nil, name: String, phone: String? = nil,
                idNumber: String? = nil, contact: String? = nil) {
        self.role = role
        self.type = type
        self.name = name
        self.phone = phone
        self.idNumber = idNumber
        self.contact = contact
    }
}
