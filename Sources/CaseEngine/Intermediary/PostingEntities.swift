import CaseStore
import EntityKit
import RuleKit

/// Which entities a job posting names: the company field as a company, and every phone, WeChat/QQ id, credit code,
/// licence number and company extracted from its text fields. Indexed with role `posting`.
public enum PostingEntities {
    /// The occurrences to index for a scanned posting (`scan --record`).
    public static func occurrences(of subject: Subject) -> [EntityOccurrence] {
        var out: [EntityOccurrence] = []
        var seen = Set<Entity>()
        func add(_ entity: Entity, _ written: String) {
            if seen.insert(entity).inserted {
                out.append(EntityOccurrence(entity: entity, role: .posting, written: written))
            }
        }
        for field in subject.fields where !field.text.isEmpty {
            if field.name == "company", let company = EntityNormalizer.entity(.company, field.text) {
                add(company, field.text)
                continue
            }
            if field.name == "contact", let phone = EntityNormalizer.entity(.phone, field.text) {
                add(phone, field.text)
                continue
            }
            for mention in EntityExtractor.extract(field.text).mentions { add(mention.entity, mention.raw) }
        }
        return out
    }
}
