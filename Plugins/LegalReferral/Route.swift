import CaseCore
import RuleKit

/// A recommended route for one case: the authority, the provisions cited, why, and the clocks that run.
public struct Route: Codable, Sendable, Equatable {
    /// The route rule's id, e.g. `legal.wage_arrears_arbitration`.
    public var id: String
    public var authority: Authority
    /// Cited provisions, each with its `verified` flag.
    public var provisions: [Provision]
    /// One line tied to the case's facts.
    public var reason: LocalizedText
    public var clocks: [LegalClock]
    /// Eligibility and other notes (final award, hardship check, provide-first).
    public var notes: [LocalizedText]

    /// Creates a route.
    public init(id: String, authority: Authority, provisions: [Provision], reason: LocalizedText,
                clocks: [LegalClock] = [], notes: [LocalizedText] = []) {
        self.id = id
        self.authority = authority
        self.provisions = provisions
        self.reason = reason
        self.clocks = clocks
        self.notes = notes
    }

    /// The legal basis as one line: `劳动合同法 第九条；就业促进法 第四十一条（未核实）`.
    public var basis: String {
        provisions.map(\.citation).joined(separator: "；")
    }

    /// Whether any cited provision is unverified.
    public var hasUnverified: Bool { provisions.contains { !$0.verified } }

    /// The clock with the fewest days left that has not passed, if any.
    public var nearestClock: LegalClock? {
        clocks.filter { ($0.daysLeft ?? -1) >= 0 }.min { ($0.daysLeft ?? 0) < ($1.daysLeft ?? 0) }
    }
}
