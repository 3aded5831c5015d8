/// The language of user-facing text. Simplified Chinese is the default.
public enum Language: String, CaseIterable, Codable, Sendable {
    case zh
    case en
}
