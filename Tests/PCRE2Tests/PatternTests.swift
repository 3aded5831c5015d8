import Testing
@testable import PCRE2

/// Byte range of the first occurrence of `needle` in `haystack`, computed on UTF-8 arrays.
func byteRange(of needle: String, in haystack: String) -> Range<Int>? {
    let h = Array(haystack.utf8), n = Array(needle.utf8)
    guard !n.isEmpty, n.count <= h.count else { return nil }
    for i in 0...(h.count - n.count) where Array(h[i..<(i + n.count)]) == n { return i..<(i + n.count) }
    return nil
}

@Suite("Pattern")
struct PatternTests {
    @Test("a compile error carries PCRE2's message and the byte offset")
    func compileError() {
        do {
            _ = try Pattern("押金(?:abc")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.message.contains("missing closing parenthesis"))
            #expect(error.offset == Array("押金(?:abc".utf8).count)
            #expect(error.pattern == "押金(?:abc")
        }
    }

    @Test("patterns are JIT-compiled")
    func jitIsOn() throws {
        let p = try Pattern("押金")
        #expect(p.isJITCompiled)
    }

    @Test("matches in Chinese text are UTF-8 byte ranges")
    func chineseByteRanges() throws {
        let text = "入职前需缴纳押金300元，另收培训费"
        let p = try Pattern("(?:缴纳|收)[^。，]{0,8}(?:押金|培训费)")
        let scratch = MatchScratch()
        let all = try p.allMatches(in: text, scratch: scratch)
        #expect(all == [byteRange(of: "缴纳押金", in: text), byteRange(of: "收培训费", in: text)].compactMap { $0 })
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[all[0]], as: UTF8.self) == "缴纳押金")
        #expect(try p.firstMatch(in: bytes, scratch: scratch) == all[0])
    }

    @Test("\\d and \\w follow Unicode (UCP)")
    func unicodeProperties() throws {
        let scratch = MatchScratch()
        #expect(try Pattern("\\d+").firstMatch(in: "工资３０００元", scratch: scratch) == byteRange(of: "３０００", in: "工资３０００元"))
        #expect(try Pattern("^.{2}$").firstMatch(in: "押金", scratch: scratch) == 0..<6)
    }

    @Test("return code 0 (ovector too small) is a match, not a miss")
    func ovectorTooSmall() throws {
        let p = try Pattern("(缴)(纳)(押)(金)")
        #expect(p.captureCount == 4)
        let scratch = MatchScratch(ovectorPairs: 1)
        let text = "需缴纳押金"
        #expect(try p.firstMatch(in: text, scratch: scratch) == byteRange(of: "缴纳押金", in: text))
        #expect(try p.allMatches(in: text + text, scratch: scratch).count == 2)
    }

    @Test("empty matches advance by one character, not one byte")
    func emptyMatchAdvance() throws {
        let scratch = MatchScratch()
        let text = "押金a"
        let empties = try Pattern("x*").allMatches(in: text, scratch: scratch)
        #expect(empties == [0..<0, 3..<3, 6..<6, 7..<7])
        let mixed = try Pattern("金?").allMatches(in: text, scratch: scratch)
        #expect(mixed == [0..<0, 3..<6, 6..<6, 7..<7])
        #expect(try Pattern("x*").allMatches(in: text, scratch: scratch, limit: 2).count == 2)
    }

    @Test("lookbehind sees bytes before the start offset")
    func lookbehindBeforeStart() throws {
        let bytes = Array("不收押金".utf8)
        let p = try Pattern("(?<!不)收")
        let scratch = MatchScratch()
        let result = try bytes.withUnsafeBufferPointer { buffer throws(MatchError) in
            try p.firstMatch(in: buffer, from: 3, scratch: scratch, assumeValidUTF8: true)
        }
        #expect(result == nil)
    }

    @Test("catastrophic backtracking reports limitExceeded quickly", arguments: [
        ("(a+)+$", "!"), ("(?:.*)*X$", "X!"), ("(a|aa)+b$", "b!"), ("(\\w+\\s?)+$", "!"),
    ])
    func catastrophic(pattern: String, tail: String) throws {
        let p = try Pattern(pattern, limits: MatchLimits(matchLimit: 100_000))
        let subject = String(repeating: "a", count: 5_000) + tail
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: MatchError.self) { try p.firstMatch(in: subject, scratch: MatchScratch()) }
        do {
            _ = try p.firstMatch(in: subject, scratch: MatchScratch())
        } catch {
            guard case .limitExceeded = error else { Issue.record("unexpected \(error)"); return }
        }
        #expect(clock.now - start < .seconds(5))
    }

    @Test("the interpreter reports match, depth and heap limits", arguments: [
        (MatchLimits(matchLimit: 10_000), MatchLimitKind.match),
        (MatchLimits(depthLimit: 20), .depth),
        (MatchLimits(heapLimitBytes: 1), .heap),
    ])
    func interpreterLimits(limits: MatchLimits, kind: MatchLimitKind) throws {
        let p = try Pattern("(a+)+$", options: .noJIT, limits: limits)
        #expect(!p.isJITCompiled)
        #expect(throws: MatchError.limitExceeded(kind, pattern: nil)) {
            try p.firstMatch(in: String(repeating: "a", count: 3_000) + "!", scratch: MatchScratch())
        }
        #expect(try p.firstMatch(in: "aaa", scratch: MatchScratch()) == 0..<3)
    }

    @Test("the default limits also stop a runaway pattern")
    func defaultLimits() throws {
        let p = try Pattern("(a+)+$")
        #expect(throws: MatchError.self) {
            try p.firstMatch(in: String(repeating: "a", count: 40) + "b", scratch: MatchScratch())
        }
    }

    @Test("invalid UTF-8 is rejected with its offset, never a crash")
    func invalidUTF8() throws {
        let p = try Pattern("金")
        let scratch = MatchScratch()
        let bad: [UInt8] = Array("押".utf8) + [0xE9, 0x87] + Array("金".utf8)
        #expect(throws: MatchError.invalidUTF8(offset: 3)) { try p.firstMatch(in: bad, scratch: scratch) }
        #expect(throws: MatchError.invalidUTF8(offset: 3)) { try p.allMatches(in: bad, scratch: scratch) }
        let overlong: [UInt8] = [0xC0, 0xAF]
        #expect(throws: MatchError.invalidUTF8(offset: 0)) { try p.allMatches(in: overlong, scratch: scratch) }
        let valid = Array("押金".utf8)
        #expect(try p.allMatches(in: valid, scratch: scratch) == [3..<6])
    }

    @Test("caseless option folds Latin letters")
    func caseless() throws {
        let p = try Pattern("weixin", options: .caseless)
        #expect(try p.firstMatch(in: "加WeiXin号", scratch: MatchScratch()) == 3..<9)
    }

    @Test("empty subject and empty pattern work")
    func emptyInputs() throws {
        let scratch = MatchScratch()
        #expect(try Pattern("").allMatches(in: "", scratch: scratch) == [0..<0])
        #expect(try Pattern("押").firstMatch(in: [], scratch: scratch) == nil)
    }
}
