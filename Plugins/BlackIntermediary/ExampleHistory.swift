import EntityKit
import RuleKit

/// The small invented history the history rules' examples are written against, so that `rules test` (which
/// verifies examples with an empty context) checks them too.
///
/// Used only by ``BlackIntermediary/probe(rule:subject:context:)`` when the context has no ``EntityHistory``;
/// `evaluate` never uses it. Phone 13800000001 is seen with two company names, phone 13800000002 named in 5 recent
/// cases, WeChat id `heizhongjie01` watched, phone 13800000003 flagged twice before.
struct ExampleHistory: EvaluationContext, EntityHistory {
    func entityCount(kind: String, value: String) -> Int { 0 }

    func complaintCount(_ entity: Entity, withinDays days: Int) -> Int {
        entity == Entity(kind: .phone, value: "13800000002") ? 5 : 0
    }

    func companies(sharing entity: Entity) -> [String] {
        entity == Entity(kind: .phone, value: "13800000001") ? ["好运来劳务公司", "东莞速聘人力公司"] : []
    }

    func watchReason(_ entity: Entity) -> String? {
        entity == Entity(kind: .wechat, value: "heizhongjie01") ? "example" : nil
    }

    func flagCount(_ entity: Entity) -> Int {
        entity == Entity(kind: .phone, value: "13800000003") ? 2 : 0
    }
}
