import CaseCore
import CaseStore
import EntityKit
import RuleKit

/// Which entities a case names, and in which role: the respondents' names, phones and contacts, the complainant's
/// phone (role `complainant`, never flagged), and everything extracted from the narrative.
public enum CaseEntities {
    /// The occurrences to index for `record`.
    public static func occurrences(of record: CaseRecord) -> [EntityOccurrence] {
        var out: [EntityOccurrence] = []
        for party in record.respondents {
            if isOrganisation(party), let company = EntityNormalizer.entity(.company, party.name) {
                out.append(EntityOccurrence(entity: company, role: .respondent, written: party.name))
            }
            for text in [party.phone, party.contact, isOrganisation(party) ? party.name : nil].compactMap({ $0 }) {
                if let phone = EntityNormalizer.entity(.phone, text) {
                    out.append(EntityOccurrence(entity: phone, role: .respondent, written: text))
                    continue
                }
                for mention in EntityExtractor.extract(text).mentions where mention.entity.kind != .company {
                    out.append(EntityOccurrence(entity: mention.entity, role: .respondent, written: mention.raw))
                }
            }
        }
        if let phone = record.complainant?.phone, let entity = EntityNormalizer.entity(.phone, phone) {
            out.append(EntityOccurrence(entity: entity, role: .complainant, written: phone))
        }
        for mention in EntityExtractor.extract(record.narrative).mentions {
            out.append(EntityOccurrence(entity: mention.entity, role: .narrative, written: mention.raw))
        }
        return out
    }

    /// An employer, intermediary or platform, or a respondent of unknown type whose name says 公司: indexed as a
    /// company. A person's name is never indexed (personal data, and not a company).
    static func isOrganisation(_ party: Party) -> Bool {
        switch party.type {
        case .employer, .intermediary, .platform: true
        case .person: false
        case nil: party.name.contains("公司")
        }
    }

    /// The subject a rule module judges for a case: respondents (names, phones, contacts) and the narrative.
    /// The complainant is left out, so a caller is never flagged.
    public static func subject(of record: CaseRecord, kind: SubjectKind = .caseIntake) -> Subject {
        let respondents = record.respondents.map { party in
            [party.name, party.phone, party.contact].compactMap { $0 }.joined(separator: "，")
        }.joined(separator: "；")
        return Subject(kind: kind, id: record.number.isEmpty ? String(record.id) : record.number,
                       fields: [SubjectField(name: "respondent", text: respondents),
                                SubjectField(name: "narrative", text: record.narrative)])
    }
}
