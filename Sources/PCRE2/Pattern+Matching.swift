import CPCRE2

// MARK: - Matching

extension Pattern {
    /// The first match at or after byte `start`, as a UTF-8 byte range.
    ///
    /// Lookbehinds may look at bytes before `start` (the whole buffer is the subject).
    ///
    /// - Parameters:
    ///   - bytes: the subject.
    ///   - start: byte offset to start searching from; must be on a character boundary.
    ///   - scratch: this thread's match data.
    ///   - assumeValidUTF8: pass true only for bytes known to be valid UTF-8 (e.g. from a Swift `String`);
    ///     PCRE2 then skips its per-call UTF-8 check. Invalid bytes with true are undefined behaviour in PCRE2.
    /// - Returns: the range, or nil when there is no match.
    /// - Throws: ``MatchError/limitExceeded(_:pattern:)`` or ``MatchError/invalidUTF8(offset:)``.
    public func firstMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, scratch: MatchScratch,
                           assumeValidUTF8: Bool = false) throws(MatchError) -> Range<Int>? {
        guard start >= 0, start <= bytes.count else { return nil }
        if assumeValidUTF8, start < bytes.count, bytes[start] & 0xC0 == 0x80 {
            throw .invalidUTF8(offset: start)
        }
        return try match(bytes, from: start, scratch: scratch,
                         flags: assumeValidUTF8 ? UInt32(PCRE2_NO_UTF_CHECK) : 0)
    }

    /// The first match in a string (its UTF-8 bytes are valid, so the UTF check is skipped).
    public func firstMatch(in string: String, scratch: MatchScratch) throws(MatchError) -> Range<Int>? {
        var text = string
        let result = text.withUTF8 { buffer in
            Result { () throws(MatchError) in try firstMatch(in: buffer, scratch: scratch, assumeValidUTF8: true) }
        }
        return try result.get()
    }

    /// The first match in raw bytes; PCRE2 checks their UTF-8 validity.
    public func firstMatch(in bytes: [UInt8], scratch: MatchScratch) throws(MatchError) -> Range<Int>? {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(MatchError) in try firstMatch(in: buffer, scratch: scratch, assumeValidUTF8: false) }
        }
        return try result.get()
    }

    /// All non-overlapping matches, left to right, at most `limit` of them.
    ///
    /// After an empty match the search resumes one UTF-8 character further on. Unless `assumeValidUTF8` is true,
    /// the bytes are validated once up front and then matched without PCRE2's per-call check.
    ///
    /// - Parameters:
    ///   - bytes: the subject.
    ///   - scratch: this thread's match data.
    ///   - limit: maximum number of matches to return.
    ///   - assumeValidUTF8: true only for bytes known to be valid UTF-8.
    /// - Throws: ``MatchError``; `.invalidUTF8` names the first bad byte.
    public func allMatches(in bytes: UnsafeBufferPointer<UInt8>, scratch: MatchScratch, limit: Int = .max,
                           assumeValidUTF8: Bool = false) throws(MatchError) -> [Range<Int>] {
        if !assumeValidUTF8, let bad = UTF8Validation.firstInvalidOffset(bytes) { throw .invalidUTF8(offset: bad) }
        var found: [Range<Int>] = []
        try forEachMatch(in: bytes, scratch: scratch, limit: limit) { found.append($0) }
        return found
    }

    /// All non-overlapping matches in a string (see ``allMatches(in:scratch:limit:assumeValidUTF8:)``).
    public func allMatches(in string: String, scratch: MatchScratch, limit: Int = .max) throws(MatchError)
        -> [Range<Int>] {
        var text = string
        let result = text.withUTF8 { buffer in
            Result { () throws(MatchError) in
                try allMatches(in: buffer, scratch: scratch, limit: limit, assumeValidUTF8: true)
            }
        }
        return try result.get()
    }

    /// All non-overlapping matches in raw bytes (validated once first).
    public func allMatches(in bytes: [UInt8], scratch: MatchScratch, limit: Int = .max) throws(MatchError)
        -> [Range<Int>] {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(MatchError) in
                try allMatches(in: buffer, scratch: scratch, limit: limit, assumeValidUTF8: false)
            }
        }
        return try result.get()
    }

    /// Calls `body` for each non-overlapping match of valid UTF-8 `bytes` (no UTF check), up to `limit`,
    /// searching from `start` (a character boundary).
    ///
    /// `lastStart`, when given, is a byte offset no match can start after (the caller knows it, e.g. from where a
    /// literal every match contains last occurs): PCRE2 then stops trying start positions there instead of at the
    /// end of the text. Only a pattern compiled with ``PatternOptions/offsetLimit`` uses it; the matches found are
    /// the same either way when the bound is true.
    @inline(__always)
    func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, startingNoLaterThan lastStart: Int? = nil,
                      scratch: MatchScratch, limit: Int, _ body: (Range<Int>) -> Void) throws(MatchError) {
        var position = start
        var count = 0
        let flags = UInt32(PCRE2_NO_UTF_CHECK)
        var context = matchContext
        if let lastStart, options.contains(.offsetLimit) {
            guard lastStart >= start else { return }
            context = scratch.context(limitingStartsTo: lastStart, for: self)
        }
        while count < limit, position <= bytes.count {
            guard let range = try match(bytes, from: position, scratch: scratch, flags: flags, context: context) else {
                return
            }
            body(range)
            count += 1
            guard let resume = Self.resumePosition(after: range, in: bytes) else { return }
            position = resume
        }
    }

    /// ``forEachMatch(in:from:startingNoLaterThan:scratch:limit:_:)`` when every match is known to start inside
    /// one of `windows` (ascending, disjoint ranges of start positions, each beginning on a character boundary):
    /// PCRE2 tries only the start positions inside them, one bounded run per window, and the matches are those of
    /// one run over the whole text. The leftmost match at or after a position starts in the first window that
    /// holds a match starting at or after it, so running the windows in order finds it.
    ///
    /// Needs a pattern compiled with ``PatternOptions/offsetLimit``.
    func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, windows: UnsafeBufferPointer<Range<Int>>,
                      scratch: MatchScratch, limit: Int, _ body: (Range<Int>) -> Void) throws(MatchError) {
        precondition(options.contains(.offsetLimit), "windows need a pattern compiled with the offset limit")
        var position = 0
        var count = 0
        var next = windows.startIndex
        let flags = UInt32(PCRE2_NO_UTF_CHECK)
        while count < limit, position <= bytes.count {
            while next < windows.endIndex, windows[next].upperBound <= position { next += 1 }
            guard next < windows.endIndex else { return }
            let window = windows[next]
            let context = scratch.context(limitingStartsTo: window.upperBound - 1, for: self)
            guard let range = try match(bytes, from: max(position, window.lowerBound), scratch: scratch, flags: flags,
                                        context: context) else {
                next += 1
                continue
            }
            body(range)
            count += 1
            guard let resume = Self.resumePosition(after: range, in: bytes) else { return }
            position = resume
        }
    }

    /// Where the search for the next non-overlapping match starts: the end of `range`, or one UTF-8 character
    /// further after an empty match; nil when an empty match ends the text.
    @inline(__always)
    static func resumePosition(after range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard range.isEmpty else { return range.upperBound }
        guard range.upperBound < bytes.count else { return nil }
        return range.upperBound + UTF8Validation.characterLength(leadByte: bytes[range.upperBound])
    }

    /// One `pcre2_match` call; maps return codes (0 = ovector too small is a match).
    @inline(__always)
    func match(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, scratch: MatchScratch,
               flags: UInt32, context: OpaquePointer? = nil) throws(MatchError) -> Range<Int>? {
        let subject = bytes.baseAddress ?? Pattern.emptySubject
        let matchContext = context ?? self.matchContext
        // pcre2_jit_match skips pcre2_match's argument checks (including the UTF check, which NO_UTF_CHECK
        // already waives): only taken for bytes known to be valid.
        let rc = isJITCompiled && flags & UInt32(PCRE2_NO_UTF_CHECK) != 0
            ? pcre2_jit_match_8(code, subject, bytes.count, start, flags, scratch.matchData, matchContext)
            : pcre2_match_8(code, subject, bytes.count, start, flags, scratch.matchData, matchContext)
        if rc >= 0 { return scratch.overallRange }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if let failure = Pattern.matchFailure(rc, scratch: scratch) { throw failure }
        return nil
    }

    /// The error for a negative return code, or nil for "no match".
    static func matchFailure(_ rc: Int32, scratch: MatchScratch) -> MatchError? {
        switch rc {
        case PCRE2_ERROR_NOMATCH, PCRE2_ERROR_PARTIAL: return nil
        case PCRE2_ERROR_MATCHLIMIT: return .limitExceeded(.match, pattern: nil)
        case PCRE2_ERROR_DEPTHLIMIT: return .limitExceeded(.depth, pattern: nil)
        case PCRE2_ERROR_HEAPLIMIT: return .limitExceeded(.heap, pattern: nil)
        case PCRE2_ERROR_JIT_STACKLIMIT: return .limitExceeded(.jitStack, pattern: nil)
        case PCRE2_ERROR_NOMEMORY: return .limitExceeded(.memory, pattern: nil)
        case PCRE2_ERROR_UTF8_ERR21...PCRE2_ERROR_UTF8_ERR1:
            return .invalidUTF8(offset: Int(pcre2_get_startchar_8(scratch.matchData)))
        default: return .failed(code: rc, message: errorMessage(rc))
        }
    }
}
