import Foundation
@testable import RightsDeskServer
import RuleKit
import Testing

@Suite("Scan results in the API")
struct ScanResultJSONTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("a module that failed on the posting is named under errors; a whole evaluation has no errors key")
    func errors() throws {
        let failed = Evaluation(findings: [], score: 0, verdict: .clean,
                                failures: [ModuleFailure(module: "example.external", message: "timed out after 2 s")])
        let json = try object(ScanResultJSON.render(id: "j\"1", evaluation: failed, language: "zh"))
        #expect(json["id"] as? String == "j\"1")
        #expect(json["verdict"] as? String == "clean")
        let errors = try #require(json["errors"] as? [[String: String]])
        #expect(errors == [["module": "example.external", "message": "timed out after 2 s"]])
        let whole = try object(ScanResultJSON.render(id: "j2", evaluation: Evaluation(findings: [], score: 0,
                                                                                        verdict: .clean, failures: []),
                                                      language: "en"))
        #expect(whole["errors"] == nil && (whole["findings"] as? [Any])?.isEmpty == true)
    }
}
