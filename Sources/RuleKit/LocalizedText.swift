/// A user-facing text in Chinese and English.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// Chinese text.
    public var zh: String
    /// English text.
    public var en: String

    /// Creates a text pair.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language` (`"zh"` or `"en"`); anything else gives Chinese.
    public func text(in language: String) -> String {
        language == "en" ? en : zh
    }
}
