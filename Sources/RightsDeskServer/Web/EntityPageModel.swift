import CaseCore
import CaseStore
import EntityKit

/// What the `entity` template reads, built from an ``EntityView`` (already masked for the reader).
struct EntityPageModel {
    struct Watch { var watchReason, addedBy, addedAt: String }
    struct Form { var formAction, csrf, buttonId, button: String }
    struct AuditItem { var at, what, actor, why: String }
    struct Flag { var severity, rule, name, references, flaggedAt: String; var evidence: [String]; var caseId: Int64?; var postingId: String? }
    struct CaseRow { var caseId: Int64; var number, caseKind, status, role, namedAt: String }

    var t: [String: String]
    var kindLabel, value, firstSeen, lastSeen, windows: String
    var watched: Bool
    var caseCount, postingCount: Int
    var companies, postings, fullLink: String?
    var watch: Watch?
    var form: Form?
    var audit: [AuditItem]
    var hasAudit: Bool
    var flags: [Flag]
    var hasFlags: Bool
    var cases: [CaseRow]
    var hasCases: Bool

    init(_ v: EntityView, context: ServerContext) {
        let lang = context.language
        let role = context.principal?.role
        let kind = EntityKind(rawValue: v.kind)
        t = Templates.texts(lang)
        kindLabel = kind.map { CodeLabels.entityKind($0, lang) } ?? v.kind
        value = v.value
        firstSeen = ServerApp.formatDate(v.firstSeen); lastSeen = ServerApp.formatDate(v.lastSeen)
        windows = v.windows.map { (lang == .zh ? "近\($0.days)天 " : "\($0.days) d ") + "\($0.cases)/\($0.postings)" }
            .joined(separator: " · ")
        watched = v.watched
        caseCount = v.caseCount; postingCount = v.postingCount
        companies = v.companies.isEmpty ? nil : v.companies.joined(separator: "、")
        postings = v.postings.isEmpty ? nil : v.postings.prefix(10).joined(separator: ", ")
        let mayUnmask = role.map { Permissions.allows($0, .entityReadPersonal) } == true
        fullLink = v.masked && mayUnmask && kind?.isContact == true ? "/entities/\(v.id)?full=1" : nil
        watch = v.watch.map { Watch(watchReason: $0.reason, addedBy: $0.addedBy, addedAt: ServerApp.formatDate($0.addedAt)) }
        let action = v.watched ? "unwatch" : "watch"
        form = role.map { Permissions.allows($0, .entityWatch) } == true
            ? Form(formAction: "/entities/\(v.id)/\(action)", csrf: context.principal?.csrf ?? "", buttonId: "entity-\(action)",
                   button: Strings.text(v.watched ? .unwatch : .watch, lang)) : nil
        audit = v.audit.reversed().map {
            AuditItem(at: ServerApp.formatDate($0.at), what: CodeLabels.auditAction($0.action, lang), actor: $0.actor, why: $0.reason)
        }
        hasAudit = !audit.isEmpty
        flags = v.flags.map {
            Flag(severity: $0.severity ?? "", rule: $0.rule, name: $0.name, references: $0.references.joined(separator: "；"),
                 flaggedAt: ServerApp.formatDate($0.at), evidence: $0.evidence, caseId: $0.caseId, postingId: $0.postingId)
        }
        hasFlags = !flags.isEmpty
        cases = v.cases.map {
            CaseRow(caseId: $0.caseId, number: $0.number, caseKind: CodeLabels.kind($0.kind, lang),
                    status: CodeLabels.status($0.status, lang), role: CodeLabels.entityRole($0.role, lang),
                    namedAt: ServerApp.formatDate($0.at))
        }
        hasCases = !cases.isEmpty
    }
}
