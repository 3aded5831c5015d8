import Foundation
import Testing
@testable import RightsDeskServer

@Suite("docs/openapi.yaml")
struct OpenAPITests {
    /// `METHOD /path` for every operation under `paths:` (paths at two spaces of indent, methods at four).
    static func specOperations() throws -> Set<String> {
        let text = try String(contentsOf: ServerHarness.repoRoot.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        var operations = Set<String>()
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            guard inPaths else { continue }
            if !line.hasPrefix(" "), !line.isEmpty { break }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, let match = line.wholeMatch(of: /\ {4}(get|post|put|patch|delete):/) {
                operations.insert("\(match.1.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test("every route the server serves is in the spec, and every operation in the spec is served")
    func specMatchesRoutes() throws {
        let h = try ServerHarness()
        let served = Set(h.server.routes.map { "\($0.method.rawValue) \($0.openAPIPath)" })
        let spec = try Self.specOperations()
        #expect(!spec.isEmpty)
        #expect(served.subtracting(spec).sorted() == [], "served but not in docs/openapi.yaml")
        #expect(spec.subtracting(served).sorted() == [], "in docs/openapi.yaml but not served")
    }
}
