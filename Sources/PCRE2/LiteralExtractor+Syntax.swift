// MARK: - Groups, classes and escapes of the required-literal parser

extension LiteralExtractor {
    /// Parses what follows `(`, up to and including the matching `)`.
    mutating func parseGroup() throws -> Info {
        if peek == "*" { throw Unsupported() }  // (*VERB), (*pla:…) and friends
        let saved = caseless
        var zeroWidth = false
        if consume("?") {
            switch try next() {
            case ":", "|", ">": break
            case "=", "!": zeroWidth = true
            case "<":
                if consume("=") || consume("!") { zeroWidth = true } else { try skipName(until: ">") }
            case "'": try skipName(until: "'")
            case "P":
                guard consume("<") else { throw Unsupported() }  // (?P=name) backref, (?P>name) recursion
                try skipName(until: ">")
            case "#":
                while try next() != ")" {}
                return .empty
            default:
                index -= 1
                let (value, closed) = try parseFlags()
                caseless = value
                // `(?i)` lasts to the end of the enclosing group, whose own parseGroup restores its saved value.
                if closed { return .empty }
            }
        }
        let inner = try parseAlternation()
        caseless = saved
        guard consume(")") else { throw Unsupported() }
        return zeroWidth ? .empty : inner
    }

    private mutating func skipName(until terminator: Unicode.Scalar) throws {
        while true {
            let c = try next()
            if c == terminator { return }
            guard c == "_" || (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))) else {
                throw Unsupported()
            }
        }
    }

    /// Parses inline flags after `(?`: returns the new caseless setting and whether the group closed (`(?i)`)
    /// rather than opened a scoped group (`(?i:`).
    private mutating func parseFlags() throws -> (caseless: Bool, closed: Bool) {
        var on = true
        var value = caseless
        if consume("^") { value = false }
        while true {
            switch try next() {
            case "i": value = on
            case "-": on = false
            case "m", "s", "n", "U", "J": break
            case ")": return (value, true)
            case ":": return (value, false)
            default: throw Unsupported()  // x (extended), recursion, conditionals, callouts…
            }
        }
    }

    // MARK: Classes

    /// Parses a character class after `[`; exact only for small positive classes of literal characters.
    mutating func parseClass() throws -> Info {
        let negated = consume("^")
        var members: [Unicode.Scalar] = []
        var complex = false
        var first = true
        while true {
            let c = try next()
            if c == "]" && !first { break }
            first = false
            if c == "[" && peek == ":" {
                while try next() != "]" {}  // [:alpha:]
                complex = true
                continue
            }
            guard let low = try classMember(c) else { complex = true; continue }
            if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                let hiChar = try next()
                guard let high = try classMember(hiChar), low.value <= high.value else { throw Unsupported() }
                if high.value - low.value > UInt32(Self.classCap) { complex = true; continue }
                members += (low.value...high.value).compactMap(Unicode.Scalar.init)
            } else {
                members.append(low)
            }
        }
        if negated || complex || members.count > Self.classCap { return .oneChar }
        if caseless && !members.allSatisfy(Self.isCaselessSafe) { return .oneChar }
        return Info(exact: Self.unique(members.map(Self.folded)))
    }

    /// One class member: a scalar, or nil for a multi-character escape like `\d` or `\p{Han}`.
    private mutating func classMember(_ c: Unicode.Scalar) throws -> Unicode.Scalar? {
        guard c == "\\" else { return c }
        let e = try next()
        switch e {
        case "d", "D", "s", "S", "w", "W", "h", "H", "v", "V", "N", "R", "X": return nil
        case "p", "P": try skipProperty(); return nil
        case "b": return Unicode.Scalar(0x08)
        default: return try simpleEscape(e)
        }
    }

    // MARK: Escapes

    /// Parses an escape after `\` outside a class.
    mutating func parseEscape() throws -> Info {
        let e = try next()
        switch e {
        case "d", "D", "s", "S", "w", "W", "h", "H", "v", "V": return .oneChar
        case "R": return Info(unknownMaxLen: 8)  // CRLF or one vertical-space character
        case "X": return Info(unknownMaxLen: nil)  // an extended grapheme cluster
        case "N":
            if peek == "{" { throw Unsupported() }
            return .oneChar
        case "p", "P":
            try skipProperty()
            return .oneChar
        case "b", "B", "A", "z", "Z": return .empty
        case "C", "G", "K": throw Unsupported()  // code-unit matching, start-offset anchor, match-start reset
        default: return literal(try simpleEscape(e))
        }
    }

    /// A single-character escape: `\xhh`, `\x{h…}`, `\n` etc., or an escaped non-alphanumeric character.
    private mutating func simpleEscape(_ e: Unicode.Scalar) throws -> Unicode.Scalar {
        switch e {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "f": return Unicode.Scalar(0x0C)
        case "e": return Unicode.Scalar(0x1B)
        case "a": return Unicode.Scalar(0x07)
        case "x": return try hexEscape()
        default:
            // Any other letter or digit (backreferences, \Q…\E, octal, \c…) is not modelled.
            if e.isASCII && (e.properties.isAlphabetic || ("0"..."9").contains(e)) { throw Unsupported() }
            return e
        }
    }

    private mutating func hexEscape() throws -> Unicode.Scalar {
        var digits = ""
        if consume("{") {
            while let c = peek, c != "}" { digits.unicodeScalars.append(c); index += 1 }
            guard consume("}") else { throw Unsupported() }
        } else {
            while digits.count < 2, let c = peek, c.properties.isASCIIHexDigit {
                digits.unicodeScalars.append(c)
                index += 1
            }
        }
        guard let value = UInt32(digits.isEmpty ? "0" : digits, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw Unsupported()
        }
        return scalar
    }

    private mutating func skipProperty() throws {
        if consume("{") {
            while try next() != "}" {}
        } else {
            _ = try next()
        }
    }
}
