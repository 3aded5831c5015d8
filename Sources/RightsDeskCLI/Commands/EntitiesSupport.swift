import ArgumentParser
import CaseEngine
import CaseStore
import EntityKit
import Foundation

/// Parsing entity arguments and rendering entity tables for the `entities` and `report intermediaries` commands.
enum EntitiesSupport {
    /// `kind:value`, or a bare value whose kind is guessed: phone, credit code, QQ-like digits are not guessed
    /// (say `qq:`), anything else is a company name.
    static func parse(_ text: String) throws -> Entity {
        if let colon = text.firstIndex(of: ":"), let kind = EntityKind(rawValue: String(text[..<colon])) {
            let value = String(text[text.index(after: colon)...])
            guard let entity = EntityNormalizer.entity(kind, value) else {
                throw ValidationError("not a valid \(kind.rawValue): the value does not normalise")
            }
            return entity
        }
        for kind in [EntityKind.phone, .creditCode] {
            if let entity = EntityNormalizer.entity(kind, text) { return entity }
        }
        guard let company = EntityNormalizer.entity(.company, text) else {
            throw ValidationError("give KIND:VALUE (kinds: \(EntityKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return company
    }

    static func kindLabel(_ kind: EntityKind, _ zh: Bool) -> String {
        switch kind {
        case .phone: zh ? "电话" : "phone"
        case .wechat: zh ? "微信" : "WeChat"
        case .qq: "QQ"
        case .company: zh ? "公司" : "company"
        case .creditCode: zh ? "信用代码" : "credit code"
        case .licence: zh ? "许可证" : "licence"
        }
    }

    static func table(_ records: [EntityRecord], zh: Bool, masked: Bool) -> String {
        var t = TextTable(zh ? ["类型", "实体", "案件", "招聘信息", "首次", "最近", "关注"]
                             : ["kind", "entity", "cases", "postings", "first", "last", "watched"])
        for r in records {
            t.add([kindLabel(r.entity.kind, zh), r.entity.display(masked: masked), String(r.cases), String(r.postings),
                   Output.chinaTime(r.firstSeen), Output.chinaTime(r.lastSeen), r.watched ? "★" : ""])
        }
        return t.render()
    }

    static func caseTable(_ refs: [EntityCaseRef], zh: Bool) -> String {
        var t = TextTable(zh ? ["编号", "类型", "状态", "角色", "时间"] : ["number", "kind", "status", "role", "at"])
        for r in refs {
            t.add([r.number + (r.mergedInto.map { " → \($0)" } ?? ""), r.kind, r.status, r.role.rawValue,
                   Output.chinaTime(r.at)])
        }
        return t.render()
    }
}

/// The JSON of `entities show`: the detail with contacts masked unless asked otherwise.
struct EntityDetailOutput: Encodable {
    var detail: EntityDetail
    var masked: Bool

    enum Keys: String, CodingKey { case kind, value, display, masked, detail }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        var shown = detail
        if masked {
            shown.record.entity.value = detail.record.entity.display(masked: true)
            shown.record.display = shown.record.entity.value
            shown.flags = detail.flags.map { var f = $0; f.entity.value = shown.record.entity.value; return f }
            shown.audit = detail.audit.map { var a = $0; a.entity.value = shown.record.entity.value; return a }
            shown.watch = detail.watch.map { var w = $0; w.entity.value = shown.record.entity.value; return w }
        }
        try c.encode(detail.record.entity.kind, forKey: .kind)
        try c.encode(shown.record.entity.value, forKey: .value)
        try c.encode(masked, forKey: .masked)
        try c.encode(shown, forKey: .detail)
    }
}
