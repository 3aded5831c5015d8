/// The legal data of a site: provisions, routes and site settings, checked for consistency.
///
/// Built by ``LegalDataLoader`` from `rules/legal/`; every route's provision ids exist (the loader refuses others).
public struct LegalData: Sendable, Equatable {
    public var provisions: [Provision]
    public var routes: [RouteRule]
    public var site: LegalSite

    /// Creates the data without checks (tests); use ``LegalDataLoader`` for files.
    public init(provisions: [Provision], routes: [RouteRule], site: LegalSite) {
        self.provisions = provisions
        self.routes = routes
        self.site = site
    }

    /// The provision with this id, if any.
    public func provision(_ id: String) -> Provision? {
        provisions.first { $0.id == id }
    }
}
