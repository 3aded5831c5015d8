import CPCRE2

/// One compiled PCRE2 pattern (UTF + UCP, JIT-compiled when available) with bounded match limits.
///
/// Offsets everywhere are UTF-8 byte offsets into the subject (`Range<Int>`), never character offsets.
///
/// Thread safety: `@unchecked Sendable` is safe because the compiled code and the match context are written only
/// in `init` (compile, JIT compile, limit setters) and are read-only afterwards; PCRE2 documents compiled code as
/// shareable between threads, and the match context holds no JIT stack or callout state that a match would change.
/// All per-call mutable state lives in a ``MatchScratch``, which is not `Sendable` and never shared.
///
/// ```swift
/// let p = try Pattern("(?:先交|缴纳)[^。]{0,8}押金")
/// let scratch = MatchScratch()
/// let ranges = try p.allMatches(in: "入职前需缴纳押金300元", scratch: scratch)   // byte ranges
/// ```
public final class Pattern: @unchecked Sendable {
    /// The pattern text as given.
    public let source: String
    /// The options it was compiled with.
    public let options: PatternOptions
    /// The bounds every match attempt runs under.
    public let limits: MatchLimits
    /// True when `pcre2_jit_compile` succeeded; false means the (much slower) interpreter is used.
    public let isJITCompiled: Bool

    let code: OpaquePointer
    let matchContext: OpaquePointer

    /// Compiles `pattern` with UTF and UCP (plus the given options) and JIT-compiles it.
    ///
    /// - Parameters:
    ///   - pattern: PCRE2 syntax.
    ///   - options: extra compile options (e.g. ``PatternOptions/caseless``).
    ///   - limits: bounds for every match attempt.
    /// - Throws: ``PatternError`` with PCRE2's message and the byte offset of the error.
    public init(_ pattern: String, options: PatternOptions = [], limits: MatchLimits = .default) throws(PatternError) {
        var flags = UInt32(PCRE2_UTF | PCRE2_UCP)
        if options.contains(.caseless) { flags |= UInt32(PCRE2_CASELESS) }
        if options.contains(.offsetLimit) { flags |= UInt32(PCRE2_USE_OFFSET_LIMIT) }
        var errorCode: Int32 = 0
        var errorOffset = 0
        var text = pattern
        let compiled = text.withUTF8 { utf8 in
            pcre2_compile_8(utf8.baseAddress ?? Pattern.emptySubject, utf8.count, flags, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PatternError(pattern: pattern, message: Pattern.errorMessage(errorCode),
                               offset: errorOffset, code: errorCode)
        }
        guard let context = pcre2_match_context_create_8(nil) else {
            pcre2_code_free_8(compiled)
            preconditionFailure("PCRE2 could not allocate a match context")
        }
        limits.apply(to: context)
        self.source = pattern
        self.options = options
        self.limits = limits
        self.code = compiled
        self.matchContext = context
        self.isJITCompiled = !options.contains(.noJIT)
            && pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    deinit {
        pcre2_match_context_free_8(matchContext)
        pcre2_code_free_8(code)
    }

    /// Number of capturing groups in the pattern.
    public var captureCount: Int {
        var count: UInt32 = 0
        _ = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        return Int(count)
    }

    /// PCRE2's text for an error code.
    static func errorMessage(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, $0.count) }
        guard length > 0 else { return "unknown PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }

    /// A valid pointer for empty subjects and patterns (PCRE2 10.42 rejects NULL even with length 0).
    nonisolated(unsafe) static let emptySubject: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.initialize(to: 0)
        return UnsafePointer(p)
    }()
}
