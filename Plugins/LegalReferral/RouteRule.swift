/// A route as written in `rules/legal/routes.yaml`: when it fires, where it sends the case, what it cites.
public struct RouteRule: Codable, Sendable, Equatable {
    /// Stable id, e.g. `legal.wage_arrears_arbitration`; also the rule id of its findings.
    public var id: String
    public var authority: Authority
    /// Provision ids (from provisions.yaml), in citing order.
    public var provisions: [String]
    public var clocks: [ClockKind]
    /// For `inspectionWindow`: the violation continues until employment ends.
    public var continuing: Bool
    /// The route fires when any entry holds.
    public var when: [RouteCondition]
    /// When any of these holds too, the legal-aid applicant is exempt from the economic-hardship check.
    public var hardshipExemptWhen: [RouteCondition]
    /// Reason template (zh, en) with `{placeholders}` filled from the facts.
    public var reasonZh: String
    public var reasonEn: String
    /// Order of the route in advice: lower first (default 50); equal ranks keep the file order.
    public var rank: Int
    /// Case kinds for which this route is the natural first step: its rank drops by 25 for them.
    public var preferFor: [String]
    /// Example cases in the compact `key=value; …` form of ``LegalSubject`` that must / must not fire the route.
    public var examplesTrigger: [String]
    public var examplesIgnore: [String]

    /// Creates a route rule.
    public init(id: String, authority: Authority, provisions: [String], clocks: [ClockKind] = [],
                continuing: Bool = false, when: [RouteCondition], hardshipExemptWhen: [RouteCondition] = [],
                reasonZh: String, reasonEn: String, rank: Int = 50, preferFor: [String] = [], examplesTrigger: [String] = [], examplesIgnore: [String] = []) {
        self.id = id
        self.authority = authority
        self.provisions = provisions
        self.clocks = clocks
        self.continuing = continuing
        self.when = when
        self.hardshipExemptWhen = hardshipExemptWhen
        self.reasonZh = reasonZh
        self.reasonEn = reasonEn
        self.rank = rank
        self.preferFor = preferFor
        self.examplesTrigger = examplesTrigger
        self.examplesIgnore = examplesIgnore
    }

    /// The rank for a case of this kind.
    public func rank(for kind: String) -> Int {
        preferFor.contains(kind) ? rank - 25 : rank
    }

    /// Whether any `when` entry holds for the case.
    public func fires(for legalCase: LegalCase) -> Bool {
        when.contains { $0.holds(for: legalCase) }
    }
}
