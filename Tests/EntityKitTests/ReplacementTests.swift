import Foundation
@testable import EntityKit
import Testing

@Suite("Company-name replacement without Foundation")
struct ReplacementTests {
    @Test("the scalar replacement equals Foundation's replacingOccurrences on ASCII and CJK names")
    func sameAsFoundation() {
        let pieces = ["有限", "公司", "股份", "责任", "(", ")", "()", "A", "深圳", "分", "1", "有限公司", "股份有限公司"]
        let targets = ["()", "股份有限公司", "有限责任公司", "有限公司"]
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let name = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            for target in targets {
                let replacement = target == "()" ? "" : "公司"
                #expect(EntityNormalizer.replacingAll(name, target, with: replacement)
                    == name.replacingOccurrences(of: target, with: replacement), "\(name) / \(target)")
            }
        }
    }

    @Test("other scripts still go through Foundation")
    func otherScripts() {
        let name = "Café（有限公司）"
        #expect(EntityNormalizer.replacingAll(name, "有限公司", with: "公司")
            == name.replacingOccurrences(of: "有限公司", with: "公司"))
    }
}
