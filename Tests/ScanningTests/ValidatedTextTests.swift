@testable import Scanning
import SeededRandom
import Testing

/// The fast UTF-8 check must give exactly the standard library's answer, and must really take the fast path on
/// ordinary posting text.
@Suite("Validated text")
struct ValidatedTextTests {
    func both(_ bytes: [UInt8]) -> (fast: String?, reference: String?) {
        bytes.withUnsafeBufferPointer { (ValidatedText.string($0), String(validating: $0, as: UTF8.self)) }
    }

    @Test("every one- and two-byte sequence gives the standard library's answer")
    func allShortSequences() {
        var mismatches = 0
        for first in 0...255 {
            if both([UInt8(first)]).fast != both([UInt8(first)]).reference { mismatches += 1 }
            for second in 0...255 where both([UInt8(first), UInt8(second)]).fast
                != both([UInt8(first), UInt8(second)]).reference {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    @Test("every lead byte with boundary continuations, inside a 16-byte block and across blocks, in ASCII and Chinese",
          arguments: [0, 13, 14, 15, 16, 30])
    func leadsInBlocks(offset: Int) {
        let seconds: [UInt8] = [0x20, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4]
        var mismatches: [[UInt8]] = []
        for filler in [Array("a".utf8), Array("押".utf8)] {
            let pad = Array(repeating: filler, count: offset / filler.count + 1).flatMap { $0 }.prefix(offset)
            let tail = Array(repeating: filler, count: 40 / filler.count).flatMap { $0 }
            for lead in 0x80...0xFF {
                for second in seconds {
                    for third in seconds {
                        for fourth in [UInt8(0x41), 0x80, 0xBF] {
                            let bytes = Array(pad) + [UInt8(lead), second, third, fourth] + tail
                            let (fast, reference) = both(bytes)
                            if fast != reference { mismatches.append(bytes) }
                        }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.first ?? [])")
    }

    @Test("random byte soups of every length around the 16-byte blocks give the standard library's answer",
          arguments: [UInt64(1), 2, 3])
    func randomSequences(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        // Weighted towards the bytes that matter: leads of every kind, continuations, ASCII, inside Chinese text.
        let special: [UInt8] = [0x00, 0x0A, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                                0xE4, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        let chinese = Array("招聘普工押金·é".utf8)
        var mismatches: [[UInt8]] = []
        var fastTaken = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            let length = rng.int(0...70)
            while bytes.count < length {
                if rng.chance(0.7) {
                    let start = rng.below(chinese.count)
                    bytes += chinese[start..<min(chinese.count, start + rng.int(1...9))]
                } else {
                    bytes.append(rng.pick(special))
                }
            }
            let (fast, reference) = both(bytes)
            if fast != reference { mismatches.append(bytes) }
            if bytes.withUnsafeBufferPointer({ ValidatedText.isSimpleValidUTF8($0) }) { fastTaken += 1 }
        }
        #expect(mismatches.isEmpty, "first mismatch: \(mismatches.first ?? [])")
        #expect(fastTaken > 300)  // about 550 of 20,000 soups are simple valid text
    }

    @Test("ordinary posting text takes the fast path; emoji, E0 and ED leads and broken text go to the standard library")
    func fastPathIsTaken() {
        let posting = "招聘普工，月薪5000元，包吃住！联系：张先生 138-0000-0000 · café\n" + String(repeating: "日结", count: 20)
        let fallbacks = ["入职送礼🎁", "\u{0800}字", "\u{D7FF}字", String(repeating: "押金", count: 9) + "\u{10000}"]
        Array(posting.utf8).withUnsafeBufferPointer { #expect(ValidatedText.isSimpleValidUTF8($0)) }
        #expect(both(Array(posting.utf8)).fast == posting)
        for text in fallbacks {
            Array(text.utf8).withUnsafeBufferPointer { #expect(!ValidatedText.isSimpleValidUTF8($0)) }
            #expect(both(Array(text.utf8)).fast == text)
        }
        let cut = Array(posting.utf8).dropLast(posting.utf8.count - 4)  // "招" plus the lead of "聘"
        #expect(both(Array(cut)).fast == nil)
    }
}
