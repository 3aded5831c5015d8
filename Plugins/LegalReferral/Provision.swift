import CaseCore

/// One legal provision a route cites: a law, an article, a short summary and whether its wording was verified.
///
/// `verified` is false for an article recalled from memory and not yet checked against an official text; every
/// output shows such a provision as 未核实 / unverified.
public struct Provision: Codable, Sendable, Hashable {
    /// Stable id, e.g. `lcl_9`.
    public var id: String
    /// The law or regulation, e.g. `劳动合同法`.
    public var law: String
    /// The article, e.g. `第九条`.
    public var article: String
    /// A short summary in Chinese (our own words, not the statutory text).
    public var summary: String
    /// Where the wording was checked (URL or note).
    public var source: String
    /// When the law took effect, when known.
    public var inForce: CalendarDay?
    /// Whether the article and its content were checked against a source.
    public var verified: Bool

    /// Creates a provision.
    public init(id: String, law: String, article: String, summary: String, source: String,
                inForce: CalendarDay? = nil, verified: Bool) {
        self.id = id
        self.law = law
        self.article = article
        self.summary = summary
        self.source = source
        self.inForce = inForce
        self.verified = verified
    }

    /// `劳动合同法 第九条`, followed by `（未核实）` when unverified.
    public var citation: String {
        "\(law) \(article)" + (verified ? "" : LegalText.unverifiedMark.zh)
    }
}
