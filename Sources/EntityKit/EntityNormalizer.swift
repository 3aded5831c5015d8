import Foundation

/// Canonical forms of entity values, shared by extraction, the store and form fields.
///
/// - phone: digits only (see ``PhoneNumber``).
/// - wechat: lower-case id; a phone used as a WeChat id stays digits.
/// - qq: digits.
/// - company: width folded, spaces and dots removed, brackets round, Latin upper-case, the legal form
///   `有限公司` / `有限责任公司` / `股份有限公司` written `公司`, a bracketed region moved to the front
///   (`好运来劳务（深圳）有限公司` → `深圳好运来劳务公司`) and a bracketed branch unwrapped
///   (`X有限公司（宝安分公司）` → `X公司宝安分公司`).
/// - creditCode: upper-case, 18 characters, valid check character.
/// - licence: width folded, brackets round, spaces removed, Latin upper-case.
public enum EntityNormalizer {
    /// The entity for a raw value of a known kind, nil when the value is not valid for that kind.
    public static func entity(_ kind: EntityKind, _ raw: String) -> Entity? {
        let value: String?
        switch kind {
        case .phone: value = PhoneNumber.normalise(raw)
        case .wechat: value = wechat(raw)
        case .qq: value = qq(raw)
        case .company: value = company(raw)
        case .creditCode: value = creditCode(raw)
        case .licence: value = licence(raw)
        }
        return value.map { Entity(kind: kind, value: $0) }
    }

    /// A WeChat id: 6–20 characters, a letter first, then letters, digits, `_` or `-`; or a phone number.
    public static func wechat(_ raw: String) -> String? {
        let text = fold(raw).trimming(" ")
        if let phone = PhoneNumber.normalise(text) { return phone }
        let scalars = Array(text.unicodeScalars)
        guard (6...20).contains(scalars.count), let first = scalars.first, FoldedText.isASCIILetter(first),
              scalars.allSatisfy({ FoldedText.isASCIILetter($0) || FoldedText.isASCIIDigit($0) || $0 == "_" || $0 == "-" })
        else { return nil }
        return text.lowercased()
    }

    /// A QQ number: 5–11 digits, not starting with 0.
    public static func qq(_ raw: String) -> String? {
        let digits = fold(raw).trimming(" ")
        guard (5...11).contains(digits.count), digits.unicodeScalars.allSatisfy(FoldedText.isASCIIDigit),
              digits.first != "0" else { return nil }
        return digits
    }

    /// A unified social credit code with a valid check character, upper-cased.
    public static func creditCode(_ raw: String) -> String? {
        let code = fold(raw).replacingOccurrences(of: " ", with: "").uppercased()
        return CreditCode.isValid(code) ? code : nil
    }

    /// A licence number: at least 4 digits among at most 40 characters.
    public static func licence(_ raw: String) -> String? {
        let text = fold(raw).filter { $0 != " " }.uppercased()
        let digits = text.unicodeScalars.filter(FoldedText.isASCIIDigit).count
        guard digits >= 4, text.count <= 40 else { return nil }
        return text
    }

    /// The canonical company name, nil when nothing name-like is left.
    public static func company(_ raw: String) -> String? {
        var name = fold(raw).filter { !" \t\n·•.,，、\"'“”‘’《》<>".contains($0) }.uppercased()
        name = replacingAll(name, "()", with: "")
        for form in ["股份有限公司", "有限责任公司", "有限公司"] { name = replacingAll(name, form, with: "公司") }
        name = unwrapBranch(name)
        name = moveRegion(name)
        let nameLike = name.unicodeScalars.contains { FoldedText.isCJK($0) || FoldedText.isASCIILetter($0) }
        guard name.count >= 2, nameLike else { return nil }
        return name
    }

    /// `text` with every occurrence of `target` replaced, left to right. A text of ASCII and CJK ideographs only
    /// (every company name the extractor finds) is searched scalar by scalar, where canonical equivalence cannot
    /// differ from scalar equality; any other text goes through Foundation's `replacingOccurrences` as before.
    static func replacingAll(_ text: String, _ target: String, with replacement: String) -> String {
        guard text.unicodeScalars.allSatisfy({ $0.value < 0x80 || FoldedText.isCJK($0) }) else {
            return text.replacingOccurrences(of: target, with: replacement)
        }
        let hay = Array(text.unicodeScalars)
        let needle = Array(target.unicodeScalars)
        guard !needle.isEmpty, hay.count >= needle.count else { return text }
        var out = String.UnicodeScalarView()
        var replaced = false
        var i = 0
        while i < hay.count {
            if i + needle.count <= hay.count, hay[i..<(i + needle.count)].elementsEqual(needle) {
                out.append(contentsOf: replacement.unicodeScalars)
                i += needle.count
                replaced = true
            } else {
                out.append(hay[i])
                i += 1
            }
        }
        return replaced ? String(out) : text
    }

    /// `X公司(宝安分公司)` → `X公司宝安分公司`.
    static func unwrapBranch(_ name: String) -> String {
        guard name.hasSuffix("分公司)"), let open = name.lastIndex(of: "(") else { return name }
        let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
        return String(name[..<open]) + inner
    }

    /// `好运来劳务(深圳)公司` → `深圳好运来劳务公司` (a bracket of 2–8 CJK characters just before the legal form).
    static func moveRegion(_ name: String) -> String {
        guard let close = name.lastIndex(of: ")"), let open = name[..<close].lastIndex(of: "("),
              open > name.startIndex else { return name }
        let after = name[name.index(after: close)...]
        guard after.hasPrefix("公司") || after.hasPrefix("分公司") else { return name }
        let region = name[name.index(after: open)..<close]
        guard (2...8).contains(region.count),
              region.unicodeScalars.allSatisfy(FoldedText.isCJK) else { return name }
        return String(region) + String(name[..<open]) + String(after)
    }

    /// Width folding and bracket unification.
    static func fold(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: raw.unicodeScalars.map(FoldedText.fold))
        return String(out)
    }
}

extension String {
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
