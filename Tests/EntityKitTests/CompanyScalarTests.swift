@testable import EntityKit
import Foundation
import Testing

@Suite("Company-name normalisation on scalars")
struct CompanyScalarTests {
    static let pieces = ["有限", "公司", "股份", "责任", "(", ")", "()", "A", "b", "z", "Q", "深圳", "宝安", "分", "1", "9",
                         "有限公司", "股份有限公司", "有限责任公司", "分公司", "(深圳)", "(宝安分公司)", "好运来", "劳务",
                         "(abc)", "(东莞市南城)", "㐀", "("]
    static let otherPieces = ["·", " ", "é", "，", "Ａ", "（"]

    func names(seed: UInt64, count: Int, extra: [String]) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let all = Self.pieces + extra
        return (0..<count).map { _ in (0..<next(9)).map { _ in all[next(all.count)] }.joined() }
    }

    @Test("equals company(_:) on generated names of CJK, ASCII letters and digits and brackets")
    func sameAsStringPath() {
        for name in names(seed: 5, count: 5_000, extra: []) {
            #expect(EntityNormalizer.company(scalars: Array(name.unicodeScalars)[...]) == EntityNormalizer.company(name),
                    "\(name)")
        }
    }

    @Test("other scalars fall back to company(_:) with the same result")
    func fallback() {
        for name in names(seed: 17, count: 2_000, extra: Self.otherPieces) {
            #expect(EntityNormalizer.company(scalars: Array(name.unicodeScalars)[...]) == EntityNormalizer.company(name),
                    "\(name)")
        }
    }

    @Test("replaceAll equals String replacement, for shorter (in place), equal and longer replacements")
    func replaceAllAgrees() {
        let replacements = [("有限公司", "公司"), ("()", ""), ("有限", "无限"), ("分", "分公司"), ("(", "((")]
        for (k, name) in names(seed: 23, count: 3_000, extra: []).enumerated() {
            let (target, replacement) = replacements[k % replacements.count]
            var scalars = Array(name.unicodeScalars)
            EntityNormalizer.replaceAll(&scalars, Array(target.unicodeScalars), with: Array(replacement.unicodeScalars))
            #expect(String(String.UnicodeScalarView(scalars)) == name.replacingOccurrences(of: target, with: replacement),
                    "\(name): \(target) → \(replacement)")
        }
    }

    @Test("known names: region moved to the front, branch unwrapped, legal form shortened")
    func knownNames() {
        let cases = [("好运来劳务(深圳)有限公司", "深圳好运来劳务公司"), ("X有限公司(宝安分公司)", "X公司宝安分公司"),
                     ("abc科技股份有限公司", "ABC科技公司"), ("()", nil)]
        for (raw, expected) in cases {
            #expect(EntityNormalizer.company(scalars: Array(raw.unicodeScalars)[...]) == expected)
        }
    }
}
