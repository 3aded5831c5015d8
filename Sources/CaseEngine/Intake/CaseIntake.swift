import CaseCore
import Foundation

/// What an operator or a script submits to open a case (`rightsdesk case open`, `POST /api/v1/cases`).
///
/// JSON form (unknown keys are refused, so a typo never silently drops data):
/// ```json
/// {"kind":"complaint","channel":"hotline","narrative":"…","priority":"normal",
///  "complainant":{"name":"…","phone":"…"},
///  "respondent":{"name":"…","phone":"…","role":"intermediary"},
///  "department":"…","tags":["…"],"facts":{"amountClaimed":350000}}
/// ```
/// `respondent.role` is the respondent's type (employer, intermediary, platform, person); `respondents` takes
/// several. `facts.amountClaimed` is in fen.
public struct CaseIntake: Sendable, Equatable {
    public var kind: CaseKind
    public var channel: Channel
    public var priority: Priority
    public var narrative: String
    public var complainant: Party?
    public var respondents: [Party]
    public var department: String?
    public var tags: [String]
    public var facts: CaseFacts

    public init(kind: CaseKind, channel: Channel = .hotline, priority: Priority = .normal, narrative: String,
                complainant: Party? = nil, respondents: [Party] = [], department: String? = nil,
                tags: [String] = [], facts: CaseFacts = CaseFacts()) {
        self.kind = kind
        self.channel = channel
        self.priority = priority
        self.narrative = narrative
        self.complainant = complainant
        self.respondents = respondents
        self.department = department
        self.tags = tags
        self.facts = facts
    }

    /// The narrative's maximum length in characters; longer text is refused rather than truncated.
    public static let maxNarrativeLength = 20_000
}

// MARK: - Validation

extension CaseIntake {
    /// Checks and normalises every field; the error names the field.
    ///
    /// - Throws: `EngineError.invalidInput` naming the first bad field (e.g. `complainant.phone`).
    public func validated(today: CalendarDay) throws(EngineError) -> CaseIntake {
        var copy = self
        copy.narrative = narrative.trimmingCharacters(in: .whitespacesAndNewlines)
        if copy.narrative.isEmpty {
            throw .invalidInput(place: "narrative", message: "不能为空 / must not be empty")
        }
        if copy.narrative.count > Self.maxNarrativeLength {
            throw .invalidInput(place: "narrative",
                                message: "超过 \(Self.maxNarrativeLength) 字 / longer than \(Self.maxNarrativeLength) characters")
        }
        do {
            if let c = complainant {
                var party = c
                party.role = .complainant
                party.type = nil
                copy.complainant = try PartyValidation.validate(party, path: "complainant", today: today)
            }
            copy.respondents = try respondents.enumerated().map { index, r in
                var party = r
                party.role = .respondent
                let path = respondents.count == 1 ? "respondent" : "respondents[\(index)]"
                return try PartyValidation.validate(party, path: path, today: today)
            }
        } catch let error as PartyValidationError {
            throw .invalidInput(place: "", message: error.message(.zh) + " / " + error.message(.en))
        } catch {
            throw .invalidInput(place: "", message: String(describing: error))
        }
        copy.department = department?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        copy.tags = tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        try facts.validate()
        return copy
    }

    /// All parties in stored order: the complainant first, then respondents.
    public var parties: [Party] {
        (complainant.map { [$0] } ?? []) + respondents
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
