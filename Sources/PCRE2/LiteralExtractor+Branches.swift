// MARK: - Top-level branches

extension LiteralExtractor {
    /// Most branches a pattern is split into for candidate selection.
    static let maxBranches = 64

    /// The top-level branches of `pattern`, looking inside wrapping `(?:…)` groups: `(?:A|B)` and `A|B` both give
    /// `["A", "B"]`. Nil when the pattern is not an alternation there, has more than ``maxBranches`` branches, or
    /// uses syntax this walk does not follow safely: `\Q…\E`, comments, `(*VERB)`s, extended mode, and option
    /// settings such as `(?i)` that would reach from one branch into the next (scoped ones, `(?i:…)`, are fine).
    ///
    /// Every match of the pattern is a match of one of its branches from the same start, so a branch's required
    /// literals, analysed on its own text, must occur in any match the branch makes.
    static func topLevelBranches(of pattern: String) -> [String]? {
        var scalars = Array(pattern.unicodeScalars)
        while true {
            guard let (bars, firstClose) = structure(scalars) else { return nil }
            if !bars.isEmpty {
                guard bars.count < maxBranches else { return nil }
                var branches: [String] = []
                var from = 0
                for bar in bars + [scalars.count] {
                    branches.append(String(String.UnicodeScalarView(scalars[from..<bar])))
                    from = bar + 1
                }
                return branches
            }
            // One branch: descend into a `(?:…)` that wraps all of it.
            guard scalars.count >= 4, scalars[0] == "(", scalars[1] == "?", scalars[2] == ":",
                  firstClose == scalars.count - 1 else { return nil }
            scalars = Array(scalars[3..<(scalars.count - 1)])
        }
    }

    /// The positions of the top-level `|`s of `scalars` and of the `)` closing the first top-level group; nil for
    /// unbalanced parentheses or syntax not followed (see ``topLevelBranches(of:)``).
    private static func structure(_ scalars: [Unicode.Scalar]) -> (bars: [Int], firstClose: Int?)? {
        var bars: [Int] = []
        var firstClose: Int?
        var depth = 0
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                // `\Q` would quote what follows; every other escape is the backslash and one character (the
                // braces of `\x{…}`, `\p{…}` hold no parenthesis or bar).
                guard index + 1 < scalars.count, scalars[index + 1] != "Q" else { return nil }
                index += 2
                continue
            case "[":
                guard let close = classEnd(scalars, from: index) else { return nil }
                index = close + 1
                continue
            case "(":
                if index + 1 < scalars.count, scalars[index + 1] == "*" { return nil }
                if index + 2 < scalars.count, scalars[index + 1] == "?" {
                    var flag = index + 2
                    while flag < scalars.count, "imnsxJU-^".unicodeScalars.contains(scalars[flag]) {
                        if scalars[flag] == "x" { return nil }  // extended mode: `#` comments may hold anything
                        flag += 1
                    }
                    if scalars[index + 2] == "#" { return nil }
                    if flag > index + 2, flag < scalars.count, scalars[flag] == ")" { return nil }  // `(?i)`
                }
                depth += 1
            case ")":
                depth -= 1
                guard depth >= 0 else { return nil }
                if depth == 0, firstClose == nil { firstClose = index }
            case "|":
                if depth == 0 { bars.append(index) }
            default:
                break
            }
            index += 1
        }
        return depth == 0 ? (bars, firstClose) : nil
    }

    /// The index of the `]` closing the class that opens at `start`; nil if it never closes.
    private static func classEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        if index < scalars.count, scalars[index] == "^" { index += 1 }
        if index < scalars.count, scalars[index] == "]" { index += 1 }  // a `]` first is a member
        while index < scalars.count {
            switch scalars[index] {
            case "]":
                return index
            case "\\":
                index += 2
            case "[" where index + 1 < scalars.count && ":.=".unicodeScalars.contains(scalars[index + 1]):
                // A POSIX class `[:alpha:]` (or `[.x.]`, `[=x=]`) ends at its own `:]`.
                let kind = scalars[index + 1]
                var end = index + 2
                while end + 1 < scalars.count, !(scalars[end] == kind && scalars[end + 1] == "]") { end += 1 }
                guard end + 1 < scalars.count else { return nil }
                index = end + 2
            default:
                index += 1
            }
        }
        return nil
    }
}
