import Foundation
import RuleKit

/// Structural ("shape") features of a job posting, read beside the character n-grams (feature scheme
/// `posting-shape-v1`): field lengths and emptiness, the parsed monthly salary, counts of digits, phone numbers,
/// links, emoji, exclamation marks and punctuation runs, the education and experience requirement, the number of
/// welfare tags, and text repeated between title, sub-title and description.
///
/// The length and emptiness of the company name and introduction are deliberately not measured: in the development
/// data they mostly identify the employer, which the n-grams already do (phones, links, emoji, punctuation runs and
/// contact words are counted over every field, those two included). Values are raw (counts, `ln(1 + length)`, 0/1 flags);
/// ``ShapeScaling`` standardises them with the training data's means and spreads.
public enum PostingShape {
    /// The feature scheme this code implements; a model naming another is refused.
    public static let scheme = "posting-shape-v1"

    /// Fields whose length and emptiness are measured.
    static let measuredFields = ["title", "subtitle", "description", "salary", "welfare", "requirements"]

    /// Education levels named in the requirement field (one flag each), after the "any education" flag.
    static let educationLevels = ["初中", "中专", "技校", "高中", "大专", "本科"]

    /// Feature names, in value order.
    public static let names: [String] = {
        var names: [String] = []
        for field in measuredFields { names += ["length.\(field)", "empty.\(field)"] }
        names += ["salary.negotiable", "salary.low", "salary.high", "salary.range", "salary.ratio", "salary.atLeast10000"]
        names += ["description.digits", "description.exclamations", "description.money", "description.asciiShare",
                  "description.spaceShare", "description.lines", "description.numberedItems"]
        names += ["all.phones", "all.links", "all.emoji", "all.punctuationRuns", "all.contactWords"]
        names += ["requirements.anyEducation"] + educationLevels.map { "requirements.\($0)" }
        names += ["requirements.anyExperience", "requirements.graduatesWelcome", "requirements.years", "welfare.tags"]
        names += ["title.inDescription", "subtitle.inDescription", "title.equalsSubtitle", "title.subtitleOverlap"]
        return names
    }()

    /// The raw feature values of a subject, one per name in ``names``; a field the subject lacks is empty.
    public static func values(for subject: Subject) -> [Float] {
        let text = { (name: String) in subject.text(of: name) ?? "" }
        var values: [Float] = []
        values.reserveCapacity(names.count)
        for field in measuredFields {
            let value = text(field)
            values.append(Float(log1p(Double(value.unicodeScalars.count))))
            values.append(value.allSatisfy(\.isWhitespace) ? 1 : 0)
        }
        values += salary(text("salary"))
        values += description(text("description"))
        let all = (measuredFields + ["company", "companyIntro"]).map(text).joined(separator: "\n")
        values += [Float(ShapeText.phoneNumbers(all)), Float(ShapeText.links(all)), Float(ShapeText.emoji(all)),
                   Float(ShapeText.punctuationRuns(all)), Float(ShapeText.contactWords(all))]
        values += requirements(text("requirements"), welfare: text("welfare"))
        values += repetition(title: text("title"), subtitle: text("subtitle"), description: text("description"))
        return values
    }

    /// Negotiable flag, ln(1 + low), ln(1 + high), ln(1 + high − low), high ÷ low and high ≥ 10,000 of a salary
    /// written `LOW-HIGH元/月` (other forms count as negotiable, with zeros).
    static func salary(_ text: String) -> [Float] {
        guard let (low, high) = ShapeText.monthlyRange(text) else { return [1, 0, 0, 0, 0, 0] }
        return [0, Float(log1p(low)), Float(log1p(high)), Float(log1p(max(0, high - low))),
                low > 0 ? Float(high / low) : 0, high >= 10_000 ? 1 : 0]
    }

    /// Digits, exclamation marks, money amounts, ASCII and white-space shares, line breaks and numbered items.
    static func description(_ text: String) -> [Float] {
        var digits = 0, exclamations = 0, ascii = 0, spaces = 0, lines = 0, count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if scalar.properties.numericType == .decimal { digits += 1 }
            if scalar == "!" || scalar == "！" { exclamations += 1 }
            if scalar.isASCII { ascii += 1 }
            if scalar.properties.isWhitespace { spaces += 1 }
            if scalar == "\n" { lines += 1 }
        }
        let total = Float(max(1, count))
        return [Float(log1p(Double(digits))), Float(log1p(Double(exclamations))),
                Float(log1p(Double(ShapeText.moneyAmounts(text)))), Float(ascii) / total, Float(spaces) / total,
                Float(lines), Float(ShapeText.numberedItems(text))]
    }

    /// Education flags, experience flags and years, and the number of welfare tags (`_`-separated).
    static func requirements(_ text: String, welfare: String) -> [Float] {
        var values: [Float] = [text.contains("学历不限") ? 1 : 0]
        values += educationLevels.map { text.contains($0) ? 1 : 0 }
        values.append(text.contains("经验不限") ? 1 : 0)
        values.append(text.contains("应届") ? 1 : 0)
        values.append(Float(ShapeText.leadingYears(text)))
        values.append(Float(welfare.split(separator: "_").filter { !$0.allSatisfy(\.isWhitespace) }.count))
        return values
    }

    /// Title in description, sub-title in description, title equal to sub-title (normalised), and the overlap
    /// (Jaccard) of their character bigrams.
    static func repetition(title: String, subtitle: String, description: String) -> [Float] {
        let (t, s) = (ShapeText.normalised(title), ShapeText.normalised(subtitle))
        return [!title.isEmpty && description.contains(title) ? 1 : 0,
                !subtitle.isEmpty && description.contains(subtitle) ? 1 : 0,
                t == s ? 1 : 0, Float(ShapeText.bigramOverlap(t, s))]
    }
}
