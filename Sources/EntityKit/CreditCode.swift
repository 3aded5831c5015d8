/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters, the last a check character.
///
/// Characters come from `0-9` and the 21 letters `ABCDEFGHJKLMNPQRTUWXY` (no I, O, Z, S, V). Position 1 is the
/// registering authority (`1-9`, `A-G`, `Y`), 3–8 the administrative division (digits), 18 the check character:
/// `31 − (Σ value(cᵢ)·wᵢ mod 31)` with weights `3ⁱ⁻¹ mod 31`, 31 written as `0`.
public enum CreditCode {
    /// The 31 characters in value order.
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The value of one code character, nil when it is not in the alphabet.
    static func value(_ c: Character) -> Int? { alphabet.firstIndex(of: c) }

    /// The check character for the first 17 characters, nil when they are not 17 alphabet characters.
    public static func checkCharacter(for body: String) -> Character? {
        let characters = Array(body)
        guard characters.count == 17 else { return nil }
        var sum = 0
        for (i, c) in characters.enumerated() {
            guard let v = value(c) else { return nil }
            sum += v * weights[i]
        }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    /// Whether `code` has the shape of a credit code (alphabet, authority, division digits), ignoring the check.
    public static func hasShape(_ code: String) -> Bool {
        let characters = Array(code)
        guard characters.count == 18, characters.allSatisfy({ value($0) != nil }) else { return false }
        guard "123456789ABCDEFGY".contains(characters[0]) else { return false }
        return characters[2...7].allSatisfy(\.isASCIIDigit)
    }

    /// Whether `code` (upper-case, 18 characters) is a credit code with a correct check character.
    public static func isValid(_ code: String) -> Bool {
        guard hasShape(code), let last = code.last else { return false }
        return checkCharacter(for: String(code.dropLast())) == last
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
