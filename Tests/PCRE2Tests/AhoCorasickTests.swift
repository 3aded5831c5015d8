import Testing
@testable import PCRE2
import SeededRandom

@Suite("Aho-Corasick automaton")
struct AhoCorasickTests {
    private func hits(_ literals: [String], in text: String) -> Set<Int32> {
        let automaton = AhoCorasick(literals.enumerated().map { (Array($1.utf8), Int32($0)) })
        var found = Set<Int32>()
        var t = text
        var pending: [Int] = []
        t.withUTF8 { automaton.scan($0, pending: &pending) { value, _ in found.insert(value) } }
        return found
    }

    @Test("finds every literal that occurs, including overlapping and nested ones")
    func overlapping() {
        #expect(hits(["押金", "缴纳押金", "纳押", "保证金"], in: "需缴纳押金") == [0, 1, 2])
        #expect(hits(["he", "she", "his", "hers"], in: "ushers") == [0, 1, 3])
        #expect(hits(["押金"], in: "押 金") == [])
        #expect(hits([], in: "anything").isEmpty)
    }

    @Test("ASCII letters match in any case; other bytes, including those of full-width letters, exactly")
    func asciiCaseFolded() {
        #expect(hits(["vx", "QQ", "押金"], in: "加VX或qQ") == [0, 1])
        #expect(hits(["Wei"], in: "WEI") == [0])
        #expect(hits(["a"], in: "Ａ ａ") == [])  // U+FF21, U+FF41: multi-byte, untouched
        #expect(hits(["[", "@"], in: "{`") == [])  // the bytes next to the letter ranges are not folded
    }

    @Test("reports the byte offset just past each occurrence")
    func endOffsets() {
        let automaton = AhoCorasick([(Array("押金".utf8), 0), (Array("金".utf8), 1)])
        var ends: [[Int]] = [[], []]
        var text = "交押金a押金"
        var pending: [Int] = []
        text.withUTF8 { automaton.scan($0, pending: &pending) { value, end in ends[Int(value)].append(end) } }
        #expect(ends == [[9, 16], [9, 16]])
    }

    @Test("agrees with a naive substring search on generated inputs")
    func agreesWithNaive() {
        var rng = SplitMix64(seed: 7)
        let alphabet = ["押", "金", "交", "a", "b", "。"]
        for _ in 0..<200 {
            let literals = (0..<rng.int(1...6)).map { _ in (0..<rng.int(1...3)).map { _ in rng.pick(alphabet) }.joined() }
            let text = (0..<rng.int(0...20)).map { _ in rng.pick(alphabet) }.joined()
            let expected = Set(literals.indices.filter { Array(text.utf8).containsSubsequence(Array(literals[$0].utf8)) }
                .map { Int32($0) })
            #expect(hits(literals, in: text) == expected)
        }
    }
}

@Suite("Aho-Corasick scan in interleaved quarters")
struct AhoCorasickInterleaveTests {
    /// One buffer for every scan of the suite, as a scratch keeps it between postings: stale entries must not leak.
    private final class Pending { var entries: [Int] = [] }
    private let pending = Pending()

    private func events(_ automaton: AhoCorasick, _ text: [UInt8], sequential: Bool) -> [[Int]] {
        var out: [[Int]] = []
        text.withUnsafeBufferPointer { buffer in
            if sequential {
                automaton.scanSequentially(buffer) { out.append([Int($0), $1]) }
            } else {
                automaton.scan(buffer, pending: &pending.entries) { out.append([Int($0), $1]) }
            }
        }
        return out
    }

    @Test("long texts give the same calls, in the same order, as one pass; occurrences across quarter borders too")
    func sameAsOnePass() {
        var rng = SplitMix64(seed: 2026)
        let alphabet = ["押", "金", "交", "a", "b", "。", "保证"]
        var interleaved = 0
        for _ in 0..<300 {
            let literals = (0..<rng.int(1...8)).map { _ in (0..<rng.int(1...5)).map { _ in rng.pick(alphabet) }.joined() }
            let automaton = AhoCorasick(literals.enumerated().map { (Array($1.utf8), Int32($0)) })
            let text = Array((0..<rng.int(0...400)).map { _ in rng.pick(alphabet) }.joined().utf8)
            if text.count >= AhoCorasick.interleaveMinimum { interleaved += 1 }
            #expect(events(automaton, text, sequential: false) == events(automaton, text, sequential: true))
        }
        #expect(interleaved > 100)
    }

    @Test("a literal straddling a quarter border is reported once, at its end")
    func straddling() {
        let automaton = AhoCorasick([(Array("押金押金".utf8), 0), (Array("x".utf8), 1)])
        var text = Array(repeating: UInt8(ascii: "x"), count: 300)
        text.replaceSubrange(145..<157, with: Array("押金押金".utf8))
        let found = events(automaton, text, sequential: false)
        #expect(found.filter { $0[0] == 0 } == [[0, 157]])
        #expect(found == events(automaton, text, sequential: true))
    }

    @Test("literals long against the text: every border position, and the one-pass fallback, give one pass's calls")
    func longLiterals() {
        var rng = SplitMix64(seed: 11)
        let alphabet = Array("押金交ab。".utf8)
        var interleaved = 0
        for _ in 0..<200 {
            // Literals of 20–120 bytes, texts of 256–700 bytes built from copies of them and noise, so that the
            // overlap between quarters is a large share of a quarter (and sometimes more than one: one pass).
            let literals = (0..<rng.int(1...4)).map { _ in (0..<rng.int(20...120)).map { _ in rng.pick(alphabet) } }
            let automaton = AhoCorasick(literals.enumerated().map { ($1, Int32($0)) })
            var text: [UInt8] = []
            let length = rng.int(256...700)
            while text.count < length {
                text += rng.chance(0.5) ? rng.pick(literals) : (0..<rng.int(1...40)).map { _ in rng.pick(alphabet) }
            }
            let overlap = literals.map(\.count).max()! - 1
            if (text.count + 3 * overlap) / 4 > overlap { interleaved += 1 }
            #expect(events(automaton, text, sequential: false) == events(automaton, text, sequential: true))
        }
        #expect(interleaved > 50)
    }
}
