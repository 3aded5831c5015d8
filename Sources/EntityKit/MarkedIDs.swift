/// Ids that only count after a marker: WeChat ids (微信, V信, vx …), QQ numbers (QQ, 扣扣 …) and licence numbers
/// (人力资源服务许可证 …).
enum MarkedIDs {
    static let wechatMarkers: [[Unicode.Scalar]] = [
        "weixin", "wechat", "微信号", "微信", "威信", "薇信", "徽信", "维信", "V信", "加V信", "VX", "wx", "微❤", "加V",
        "+V", "卫星号",
    ].map { Array($0.unicodeScalars) }
    static let qqMarkers: [[Unicode.Scalar]] = ["QQ", "扣扣", "企鹅号", "Q号"].map { Array($0.unicodeScalars) }
    static let licenceMarkers: [[Unicode.Scalar]] = [
        "人力资源服务许可证", "人力资源许可证", "职业中介许可证", "劳务派遣经营许可证", "许可证编号", "许可证号",
    ].map { Array($0.unicodeScalars) }
    /// Characters allowed between a marker and its id.
    static let filler: Set<Unicode.Scalar> = [" ", ":", "：", "号", "是", "为", "=", "-", "~", "(", "码", "群", "\t"]

    /// WeChat ids after a marker; "微信同号" takes the phone number written just before.
    static func wechat(_ text: FoldedText) -> [EntityMention] {
        var found: [EntityMention] = []
        for (marker, end) in markers(wechatMarkers, in: text) {
            let start = skipFiller(text, from: end)
            if text.matches(Array("同号".unicodeScalars), at: start) || text.matches(Array("同手机".unicodeScalars), at: start) {
                let before = EntityExtractor.phones(FoldedText(text.raw(0..<marker)))
                if let phone = before.last {
                    found.append(EntityMention(entity: Entity(kind: .wechat, value: phone.entity.value),
                                               range: text.byteRange(marker..<(start + 2)), raw: text.raw(marker..<(start + 2))))
                }
                continue
            }
            var j = start
            while j < text.count, j - start < 24 {
                let s = text.scalars[j]
                let inID = FoldedText.isASCIILetter(s) || FoldedText.isASCIIDigit(s) || s == "_" || s == "-"
                    || (FoldedText.digit(s) != nil) || (FoldedText.isNumberSeparator(s) && s != "(" && s != ")" && s != "、")
                guard inID else { break }
                j += 1
            }
            while j > start, FoldedText.isNumberSeparator(text.scalars[j - 1]) { j -= 1 }
            guard j > start, let value = EntityNormalizer.wechat(text.folded(start..<j)) ?? digitsAsPhone(text, start..<j)
            else { continue }
            found.append(EntityMention(entity: Entity(kind: .wechat, value: value), range: text.byteRange(start..<j),
                                       raw: text.raw(start..<j)))
        }
        return found
    }

    /// A WeChat id written as a phone number in Chinese numerals.
    static func digitsAsPhone(_ text: FoldedText, _ range: Range<Int>) -> String? {
        var digits = ""
        for s in text.scalars[range] {
            if let d = FoldedText.digit(s) { digits.append(Character(Unicode.Scalar(d + 0x30))) }
            else if !FoldedText.isNumberSeparator(s) { return nil }
        }
        return PhoneNumber.canonical(digits: digits)
    }

    /// QQ numbers after a marker (5–11 digits, any form).
    static func qq(_ text: FoldedText) -> [EntityMention] {
        var found: [EntityMention] = []
        for (_, end) in markers(qqMarkers, in: text) {
            let start = skipFiller(text, from: end)
            var digits = ""
            var j = start
            var last = start
            while j < text.count, j - start < 20 {
                let s = text.scalars[j]
                if let d = FoldedText.digit(s) {
                    digits.append(Character(Unicode.Scalar(d + 0x30)))
                    last = j + 1
                } else if !(FoldedText.isNumberSeparator(s) && s != "、") {
                    break
                }
                j += 1
            }
            if last < text.count, FoldedText.isASCIIDigit(text.scalars[last]) { continue }
            guard let value = EntityNormalizer.qq(digits) else { continue }
            found.append(EntityMention(entity: Entity(kind: .qq, value: value), range: text.byteRange(start..<last),
                                       raw: text.raw(start..<last)))
        }
        return found
    }

    /// Licence numbers after a licence marker: up to the next clause end, with at least 4 digits.
    static func licences(_ text: FoldedText) -> [EntityMention] {
        var found: [EntityMention] = []
        let stops: Set<Unicode.Scalar> = ["，", ",", "。", "；", ";", "、", "！", "!", "？", "?", "\n", " "]
        for (_, end) in markers(licenceMarkers, in: text) {
            var start = end
            while start < text.count, start - end < 8, "，,编号码：: 为是".unicodeScalars.contains(text.scalars[start]) {
                start += 1
            }
            var j = start
            while j < text.count, j - start < 40, !stops.contains(text.scalars[j]) { j += 1 }
            guard j > start, let value = EntityNormalizer.licence(text.folded(start..<j)) else { continue }
            found.append(EntityMention(entity: Entity(kind: .licence, value: value), range: text.byteRange(start..<j),
                                       raw: text.raw(start..<j)))
        }
        return found
    }

    /// Each marker occurrence (longest marker wins; Latin markers not glued to a preceding Latin letter):
    /// its start and the index just after it.
    static func markers(_ list: [[Unicode.Scalar]], in text: FoldedText) -> [(start: Int, end: Int)] {
        var out: [(Int, Int)] = []
        // A 64-bit filter of the markers' (lower-cased) first scalars: most positions start no marker at all.
        let firsts = list.reduce(UInt64(0)) { $0 | ($1.first.map { 1 << UInt64(FoldedText.lower($0).value & 63) } ?? 0) }
        var i = 0
        while i < text.count {
            guard firsts & (1 << UInt64(FoldedText.lower(text.scalars[i]).value & 63)) != 0 else {
                i += 1
                continue
            }
            var matched: Int?
            for marker in list where text.matches(marker, at: i) {
                if FoldedText.isASCIILetter(marker[0]), i > 0, FoldedText.isASCIILetter(text.scalars[i - 1]) { continue }
                matched = max(matched ?? 0, marker.count)
            }
            if let length = matched {
                out.append((i, i + length))
                i += length
            } else {
                i += 1
            }
        }
        return out
    }

    static func skipFiller(_ text: FoldedText, from index: Int) -> Int {
        var j = index
        while j < text.count, j - index < 4, filler.contains(text.scalars[j]) { j += 1 }
        return j
    }
}
