/// Checks and normalises the personal data of a party: name, mainland mobile number, resident ID number.
///
/// Pure and total: malformed input gives a `PartyValidationError` naming the field, never a crash. Error messages
/// never repeat the value itself (it is personal data).
///
/// ```swift
/// let party = try PartyValidation.validate(Party(role: .complainant, name: " 张三 ", phone: "+86 138-1234-5678"),
///                                          path: "complainant", today: CalendarDay("2026-03-01")!)
/// // party.name == "张三", party.phone == "13812345678"
/// ```
public enum PartyValidation {
    /// The longest name accepted, in characters.
    public static let maxNameLength = 200

    /// GB 11643-1999 weights of the first 17 digits.
    static let idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// GB 11643-1999 check characters, indexed by the weighted sum modulo 11.
    static let idCheckCharacters: [Character] = Array("10X98765432")

    // MARK: - Party

    /// Returns `party` with a trimmed name, a normalised phone and ID number, and empty optional fields set to nil.
    ///
    /// - Parameters:
    ///   - party: the party as entered.
    ///   - path: where the party sits in the request, e.g. `complainant` or `respondents[0]`; errors name
    ///     `path.name`, `path.phone`, `path.idNumber`.
    ///   - today: the current day, to refuse birth dates in the future.
    /// - Throws: `PartyValidationError` for the first problem found.
    public static func validate(_ party: Party, path: String,
                                today: CalendarDay) throws(PartyValidationError) -> Party {
        var result = party
        let name = party.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .nameRequired(field: "\(path).name") }
        guard name.count <= maxNameLength else {
            throw .nameTooLong(field: "\(path).name", length: name.count, limit: maxNameLength)
        }
        result.name = name
        result.phone = try nonEmpty(party.phone).map { (text) throws(PartyValidationError) in
            try normaliseMobile(text, field: "\(path).phone")
        }
        result.idNumber = try nonEmpty(party.idNumber).map { (text) throws(PartyValidationError) in
            try normaliseIDNumber(text, field: "\(path).idNumber", today: today)
        }
        result.contact = nonEmpty(party.contact)
        return result
    }

    // MARK: - Mobile numbers

    /// Normalises a mainland mobile number to 11 ASCII digits.
    ///
    /// Accepts spaces, hyphens, dots and brackets between digits, full-width digits, and a `+86` / `0086` / `86`
    /// country prefix. The result must match `1[3-9]\d{9}`.
    ///
    /// - Parameters:
    ///   - text: the number as entered, e.g. `+86 138-1234-5678` or `１３８１２３４５６７８`.
    ///   - field: the field path named in errors.
    /// - Throws: `PartyValidationError.phoneInvalidCharacters`, `.phoneWrongLength` or `.phoneNotMobile`.
    public static func normaliseMobile(_ text: String, field: String = "phone") throws(PartyValidationError) -> String {
        var s = String(asciiFolded(text).filter { !separators.contains($0) })
        if s.hasPrefix("+86") {
            s.removeFirst(3)
        } else if s.hasPrefix("0086") {
            s.removeFirst(4)
        } else if s.count == 13, s.hasPrefix("86") {
            s.removeFirst(2)
        }
        guard !s.isEmpty, s.allSatisfy(\.isASCIIDigit) else { throw .phoneInvalidCharacters(field: field) }
        guard s.count == 11 else { throw .phoneWrongLength(field: field, digits: s.count) }
        let digits = Array(s)
        guard digits[0] == "1", ("3"..."9").contains(digits[1]) else { throw .phoneNotMobile(field: field) }
        return s
    }

    // MARK: - Resident ID numbers

    /// Normalises and checks an 18-character resident ID number (GB 11643-1999).
    ///
    /// Spaces are removed, full-width characters folded to ASCII and a lower-case `x` upper-cased. Checks, in
    /// order: length, characters, the birth date (digits 7–14: a real date, year ≥ 1900, not after `today`) and the
    /// check character. The region code (digits 1–6) is not checked against a code list.
    ///
    /// - Parameters:
    ///   - text: the ID number as entered.
    ///   - field: the field path named in errors.
    ///   - today: the current day; a birth date after it is refused.
    /// - Throws: `PartyValidationError` naming what is wrong; a bad check character names the expected one.
    public static func normaliseIDNumber(_ text: String, field: String = "idNumber",
                                         today: CalendarDay) throws(PartyValidationError) -> String {
        let s = String(asciiFolded(text).filter { !$0.isWhitespace }).uppercased()
        guard s.count == 18 else { throw .idWrongLength(field: field, length: s.count) }
        let chars = Array(s)
        guard chars[0..<17].allSatisfy(\.isASCIIDigit), chars[17].isASCIIDigit || chars[17] == "X" else {
            throw .idInvalidCharacters(field: field)
        }
        let birth = String(chars[6..<14])
        let year = Int(birth.prefix(4)) ?? 0
        let month = Int(birth.dropFirst(4).prefix(2)) ?? 0
        let day = Int(birth.suffix(2)) ?? 0
        guard year >= 1900, let born = CalendarDay(year: year, month: month, day: day) else {
            throw .idInvalidBirthDate(field: field)
        }
        guard born <= today else { throw .idBirthDateInFuture(field: field) }
        guard let expected = idCheckCharacter(forFirst17: String(chars[0..<17])) else {
            throw .idInvalidCharacters(field: field)
        }
        guard expected == chars[17] else { throw .idBadCheckCharacter(field: field, expected: expected) }
        return s
    }

    /// The GB 11643-1999 check character for the first 17 digits of an ID number, or nil when `digits` is not
    /// exactly 17 ASCII digits.
    public static func idCheckCharacter(forFirst17 digits: String) -> Character? {
        let values = digits.compactMap { $0.isASCIIDigit ? $0.wholeNumberValue : nil }
        guard digits.count == 17, values.count == 17 else { return nil }
        let sum = zip(values, idWeights).reduce(0) { $0 + $1.0 * $1.1 }
        return idCheckCharacters[sum % 11]
    }

    // MARK: - Helpers

    /// Characters allowed between the digits of a phone number.
    private static let separators: Set<Character> = [" ", "-", ".", "(", ")", "\t", "\u{3000}", "\u{00A0}"]

    /// Folds full-width forms (U+FF01…U+FF5E, e.g. `１`, `＋`, `－`, `Ｘ`) to ASCII.
    static func asciiFolded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(ascii)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }
}

extension Character {
    /// `0`…`9` only (not other scripts' digits).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

// MARK: - Errors

/// Why a party's data was refused. A closed set: one `message` switch. Names the field path and the problem, never
/// the value.
public enum PartyValidationError: Error, Equatable, Sendable {
    case nameRequired(field: String)
    case nameTooLong(field: String, length: Int, limit: Int)
    /// Something other than digits, separators and a `+86` prefix.
    case phoneInvalidCharacters(field: String)
    case phoneWrongLength(field: String, digits: Int)
    /// Eleven digits, but not `1[3-9]…`.
    case phoneNotMobile(field: String)
    case idWrongLength(field: String, length: Int)
    /// Not 17 digits followed by a digit or `X`.
    case idInvalidCharacters(field: String)
    /// Digits 7–14 are not a real date from 1900 on.
    case idInvalidBirthDate(field: String)
    case idBirthDateInFuture(field: String)
    case idBadCheckCharacter(field: String, expected: Character)

    /// The field path, e.g. `complainant.phone`.
    public var field: String {
        switch self {
        case let .nameRequired(field), let .nameTooLong(field, _, _), let .phoneInvalidCharacters(field),
             let .phoneWrongLength(field, _), let .phoneNotMobile(field), let .idWrongLength(field, _),
             let .idInvalidCharacters(field), let .idInvalidBirthDate(field), let .idBirthDateInFuture(field),
             let .idBadCheckCharacter(field, _):
            field
        }
    }

    /// The user-facing message.
    public func message(_ language: Language = .zh) -> String {
        let zh = language == .zh
        switch self {
        case let .nameRequired(f):
            return zh ? "\(f)：姓名/名称不能为空" : "\(f): a name is required"
        case let .nameTooLong(f, length, limit):
            return zh ? "\(f)：名称过长（\(length) 字，最多 \(limit) 字）"
                : "\(f): name too long (\(length) characters, at most \(limit))"
        case let .phoneInvalidCharacters(f):
            return zh ? "\(f)：手机号只能包含数字" : "\(f): a mobile number may contain digits only"
        case let .phoneWrongLength(f, digits):
            return zh ? "\(f)：手机号应为 11 位数字，实为 \(digits) 位"
                : "\(f): a mobile number has 11 digits, got \(digits)"
        case let .phoneNotMobile(f):
            return zh ? "\(f)：不是大陆手机号（应以 13–19 开头）"
                : "\(f): not a mainland mobile number (must start with 13–19)"
        case let .idWrongLength(f, length):
            return zh ? "\(f)：身份证号应为 18 位，实为 \(length) 位"
                : "\(f): a resident ID number has 18 characters, got \(length)"
        case let .idInvalidCharacters(f):
            return zh ? "\(f)：身份证号应为 17 位数字加 1 位校验码（数字或 X）"
                : "\(f): a resident ID number is 17 digits and a check character (digit or X)"
        case let .idInvalidBirthDate(f):
            return zh ? "\(f)：身份证号中的出生日期（第 7–14 位）无效"
                : "\(f): the birth date in the ID number (digits 7–14) is not a valid date"
        case let .idBirthDateInFuture(f):
            return zh ? "\(f)：身份证号中的出生日期晚于今天" : "\(f): the birth date in the ID number is in the future"
        case let .idBadCheckCharacter(f, expected):
            return zh ? "\(f)：身份证号校验码错误（按前 17 位应为 \(expected)）"
                : "\(f): wrong check character in the ID number (the first 17 digits give \(expected))"
        }
    }
}

extension PartyValidationError: CustomStringConvertible {
    public var description: String { message(.en) }
}

import Foundation
