/// The built-in pattern macros of the pack format (see docs/rule-authoring.md).
enum BuiltInMacros {
    static let digitClass = "0-9０-９零〇一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾"
    static let digit = "[\(digitClass)]"
    static let num = "[\(digitClass)][\(digitClass)百千万佰仟,.]*"
    static let sep = #"[\s\-_.·*/|，,、~]{0,2}"#
    /// Latin variants must not sit inside a longer Latin word (`wx` in `wxyz`).
    static let wechat =
        "(?:微信|威信|薇信|徽信|(?<![A-Za-z])(?i:v信|vx|wx|weixin|wei xin)(?![A-Za-z])|微❤|加(?i:v)(?![A-Za-z信])|卫星(?=号))"
    static let qq = "(?:(?<![A-Za-z])(?i:qq)(?![A-Za-z])|扣扣|企鹅号)"
    static let pay = "(?:缴纳|交纳|先付|预付|收取|收费|需交|要交|须交|需缴|要缴|先交|先缴|支付|交|缴|付|收)"

    /// The fragment for a built-in macro, nil when `name` is not built in.
    static func expand(name: String, argument: String?) throws(MacroExpander.Failure) -> String? {
        switch name {
        case "digit", "num", "sep", "wechat", "qq", "pay":
            guard argument == nil else { throw .init(message: "macro '\(name)' takes no argument") }
            switch name {
            case "digit": return digit
            case "num": return num
            case "sep": return sep
            case "wechat": return wechat
            case "qq": return qq
            default: return pay
            }
        case "gap":
            guard let argument, let n = Int(argument), (0...200).contains(n) else {
                throw .init(message: "macro 'gap' needs a number 0…200, as in {{gap:8}}")
            }
            return "[^。！？!?\\n]{0,\(n)}"
        case "spaced":
            guard let argument, !argument.isEmpty else {
                throw .init(message: "macro 'spaced' needs a literal, as in {{spaced:押金}}")
            }
            return "(?:" + argument.map { escape($0) }.joined(separator: sep) + ")"
        default:
            return nil
        }
    }

    /// A character as a PCRE2 literal.
    static func escape(_ character: Character) -> String {
        let special: Set<Character> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/", "-"]
        return special.contains(character) ? "\\\(character)" : String(character)
    }
}
