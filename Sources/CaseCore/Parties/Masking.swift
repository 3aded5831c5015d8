/// Masks personal data for lists, exports and logs of readers whose role does not need the full value.
///
/// Total: any string, however malformed, gives a masked string of the same length (in characters) and never
/// reveals more than the rule for a well-formed value would.
///
/// ```swift
/// Masking.phone("13812345678")            // "138****5678"
/// Masking.idNumber("33010219900101123X")  // "3301**********123X"
/// Masking.name("欧阳娜娜")                  // "欧***"
/// ```
public enum Masking {
    /// Keeps the first 3 and last 4 characters of a number of 11 or more characters; masks everything of a
    /// shorter one.
    public static func phone(_ text: String) -> String {
        keep(text, prefix: 3, suffix: 4, minimumLength: 11)
    }

    /// Keeps the first 4 and last 4 characters of an ID number of 15 or more characters; masks everything of a
    /// shorter one.
    public static func idNumber(_ text: String) -> String {
        keep(text, prefix: 4, suffix: 4, minimumLength: 15)
    }

    /// Masks a name: a Chinese name keeps its first character (`张三` → `张*`, `欧阳娜娜` → `欧***`); a name
    /// starting with an ASCII letter keeps that letter followed by `***` (`Alice Wong` → `A***`). A one-character
    /// name becomes `*`.
    public static func name(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else { return "" }
        if first.isASCII, first.isLetter { return "\(first)***" }
        guard trimmed.count > 1 else { return "*" }
        return String(first) + String(repeating: "*", count: trimmed.count - 1)
    }

    /// Masks free text such as a contact detail: the first character and `***`; `*` for one character.
    public static func text(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else { return "" }
        return trimmed.count > 1 ? "\(first)***" : "*"
    }

    private static func keep(_ text: String, prefix: Int, suffix: Int, minimumLength: Int) -> String {
        let chars = Array(text)
        guard chars.count >= minimumLength else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(prefix)) + String(repeating: "*", count: chars.count - prefix - suffix)
            + String(chars.suffix(suffix))
    }
}

extension Party {
    /// A copy with the name, phone and ID number masked (`Masking`), and other contact details reduced to their
    /// first character.
    public func masked() -> Party {
        var copy = self
        copy.name = Masking.name(name)
        copy.phone = phone.map(Masking.phone)
        copy.idNumber = idNumber.map(Masking.idNumber)
        copy.contact = contact.map(Masking.text)
        return copy
    }

    /// Masks what is personal: a person's name, and everyone's phone, ID number and contact. The name of an
    /// organisation a complaint is about (employer, intermediary, platform) is not personal data and stays readable,
    /// because operators need it to spot repeated respondents.
    public func maskedForDisplay() -> Party {
        var copy = masked()
        switch type {
        case .employer?, .intermediary?, .platform?:
            if role == .respondent { copy.name = name }
        case .person?, nil:
            break
        }
        return copy
    }
}

import Foundation
