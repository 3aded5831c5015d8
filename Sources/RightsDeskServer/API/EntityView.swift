import CaseEngine
import CaseStore
import EntityKit
import Foundation
import RuleKit

/// One entity as the API and the entity page show it: counts, time windows, flags with their rule names and legal
/// references, watchlist state and audit, sibling companies, the cases and postings naming it.
///
/// Built masked (contact values and long digit runs in free text hidden, see ``EntityMasking``) unless the reader's
/// role has `entity.readPersonal` and asked for the full value (an audited read).
struct EntityView: Encodable {
    struct Flag: Encodable {
        var rule: String
        /// The rule's short name in the request's language (the rule id when the module is not loaded).
        var name: String
        var severity: String?
        /// Legal references (citations) of the rule.
        var references: [String]
        var caseId: Int64?
        var postingId: String?
        var at: Date
        var evidence: [String]
    }

    struct Watch: Encodable {
        var addedAt: Date
        var addedBy: String
        var reason: String
    }

    struct AuditEntry: Encodable {
        var at: Date
        var actor: String
        var action: String
        var reason: String
    }

    var id: Int64
    var kind: String
    var value: String
    var display: String
    var masked: Bool
    var firstSeen: Date
    var lastSeen: Date
    var caseCount: Int
    var postingCount: Int
    var watched: Bool
    var windows: [EntityWindowCount]
    var companies: [String]
    var flags: [Flag]
    var watch: Watch?
    var audit: [AuditEntry]
    var cases: [EntityCaseRef]
    var postings: [String]

    init(id: Int64, detail d: EntityDetail, masked: Bool, registry: ModuleRegistry, language: String) {
        let entity = d.record.entity
        let hide: (String) -> String = { masked ? EntityMasking.text($0, hiding: entity) : $0 }
        self.id = id
        kind = entity.kind.rawValue
        value = masked ? EntityMasking.value(entity) : entity.value
        display = masked && entity.kind.isContact ? EntityMasking.value(entity) : hide(d.record.display)
        self.masked = masked
        firstSeen = d.record.firstSeen
        lastSeen = d.record.lastSeen
        caseCount = d.record.cases
        postingCount = d.record.postings
        watched = d.watch != nil
        windows = d.windows
        companies = d.companies
        flags = d.flags.map { f in
            let rule = registry.rule(named: f.rule)?.rule
            return Flag(rule: f.rule, name: rule?.name.text(in: language) ?? f.rule, severity: rule?.severity.rawValue,
                        references: rule?.references ?? [], caseId: f.caseId, postingId: f.postingId, at: f.at,
                        evidence: f.evidence.map(hide))
        }
        watch = d.watch.map { Watch(addedAt: $0.addedAt, addedBy: $0.addedBy, reason: hide($0.reason)) }
        audit = d.audit.map { AuditEntry(at: $0.at, actor: $0.actor, action: $0.action, reason: hide($0.reason)) }
        cases = d.cases
        postings = d.postings
    }
}
