/// Recognises Chinese mobile and landline numbers in a run of digits.
public enum PhoneNumber {
    /// The canonical phone (digits only) for a digit string, nil when it is not a phone number.
    ///
    /// A leading country code `86` / `0086` is removed. Mobile numbers have 11 digits starting `13`–`19`;
    /// landlines start with `0`: `010` / `02x` + 8 digits (11 digits) or a 4-digit area code + 7–8 digits.
    public static func canonical(digits: String) -> String? {
        var d = Array(digits.utf8)
        guard d.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        if d.count == 15, d.starts(with: Array("0086".utf8)) { d.removeFirst(4) }
        if d.count == 13, d.starts(with: Array("861".utf8)) { d.removeFirst(2) }
        let text = String(decoding: d, as: UTF8.self)
        if d.count == 11, d[0] == 0x31, (0x33...0x39).contains(d[1]) { return text }
        guard d.count >= 11, d.count <= 12, d[0] == 0x30, d[1] != 0x30 else { return nil }
        if d[1] == 0x31 || d[1] == 0x32 { return d.count == 11 ? text : nil }
        return text
    }

    /// Normalises a phone as typed in a form field (any width, separators, `+86`), nil when it is not one.
    public static func normalise(_ text: String) -> String? {
        let folded = FoldedText(text)
        var digits = ""
        for s in folded.scalars {
            if let d = FoldedText.digit(s) {
                digits.append(Character(Unicode.Scalar(d + 0x30)))
            } else if !FoldedText.isNumberSeparator(s) && s != "+" {
                return nil
            }
        }
        return canonical(digits: digits)
    }
}
