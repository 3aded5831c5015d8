import CaseCore
import Foundation
import Yams

/// Loads `provisions.yaml`, `routes.yaml` and `site.yaml` from a directory (normally `rules/legal/`).
///
/// Every problem throws a ``LegalDataError`` naming the file and line: YAML syntax, a missing key, an unknown
/// authority, clock or case kind, a route citing a provision id that provisions.yaml does not define, duplicate ids.
///
/// ```swift
/// let data = try LegalDataLoader.load(directory: URL(fileURLWithPath: "rules/legal"))
/// ```
public enum LegalDataLoader {
    /// Loads and checks the three files in `directory`.
    ///
    /// - Throws: ``LegalDataError`` with file and line.
    public static func load(directory: URL) throws -> LegalData {
        func read(_ name: String) throws -> (String, String) {
            let url = directory.appendingPathComponent(name)
            do {
                return (url.path, try String(contentsOf: url, encoding: .utf8))
            } catch {
                throw LegalDataError(file: url.path, line: nil, message: "cannot read file")
            }
        }
        let provisions = try read("provisions.yaml")
        let routes = try read("routes.yaml")
        let site = try read("site.yaml")
        return try parse(provisions: provisions.1, routes: routes.1, site: site.1,
                         files: (provisions.0, routes.0, site.0))
    }

    /// Parses the three files' texts; `files` names them in errors.
    ///
    /// - Throws: ``LegalDataError`` with file and line.
    public static func parse(provisions: String, routes: String, site: String,
                             files: (String, String, String) = ("provisions.yaml", "routes.yaml", "site.yaml"))
        throws -> LegalData
    {
        let parsedProvisions = try parseProvisions(provisions, file: files.0)
        let known = Set(parsedProvisions.map(\.id))
        let parsedRoutes = try RouteFileParser(reader: YAMLNodeReader(file: files.1), provisionIds: known).parse(routes)
        let parsedSite = try parseSite(site, file: files.2)
        return LegalData(provisions: parsedProvisions, routes: parsedRoutes, site: parsedSite)
    }

    static func parseProvisions(_ text: String, file: String) throws -> [Provision] {
        let reader = YAMLNodeReader(file: file)
        let root = try reader.compose(text)
        let top = try reader.mapping(root, "the file")
        var seen = Set<String>()
        return try reader.sequence(top["provisions"], "'provisions'").map { node in
            let map = try reader.mapping(node, "a provision")
            try reader.onlyKeys(map, ["id", "law", "article", "summary", "source", "inForce", "verified"])
            let id = try reader.string(map, "id", in: node)
            guard seen.insert(id).inserted else { throw reader.fail(node, "duplicate provision id '\(id)'") }
            guard let verified = try reader.bool(map, "verified") else {
                throw reader.fail(node, "provision '\(id)': missing key 'verified'")
            }
            var inForce: CalendarDay?
            if let text = try reader.optionalString(map, "inForce") {
                guard let day = CalendarDay(text) else {
                    throw reader.fail(map["inForce"], "provision '\(id)': inForce must be yyyy-MM-dd")
                }
                inForce = day
            }
            return Provision(id: id, law: try reader.string(map, "law", in: node),
                             article: try reader.string(map, "article", in: node),
                             summary: try reader.string(map, "summary", in: node),
                             source: try reader.string(map, "source", in: node), inForce: inForce, verified: verified)
        }
    }

    static func parseSite(_ text: String, file: String) throws -> LegalSite {
        let reader = YAMLNodeReader(file: file)
        let root = try reader.compose(text)
        let map = try reader.mapping(root, "the file")
        try reader.onlyKeys(map, ["version", "site", "minimumMonthlyWage", "minimumWageSource", "minimumWageVerified",
                                  "warningDays", "urgentDays"])
        let wageText = try reader.string(map, "minimumMonthlyWage", in: root)
        guard let wage = Fen(yuan: wageText), wage.value > 0 else {
            throw reader.fail(map["minimumMonthlyWage"], "minimumMonthlyWage must be a positive yuan amount")
        }
        let warning = try reader.int(map, "warningDays") ?? 30
        let urgent = try reader.int(map, "urgentDays") ?? 7
        guard urgent >= 0, warning >= urgent else {
            throw reader.fail(map["warningDays"], "need 0 ≤ urgentDays ≤ warningDays")
        }
        return LegalSite(name: try reader.optionalString(map, "site") ?? "", minimumMonthlyWage: wage,
                         minimumWageVerified: try reader.bool(map, "minimumWageVerified") ?? false,
                         warningDays: warning, urgentDays: urgent)
    }
}
