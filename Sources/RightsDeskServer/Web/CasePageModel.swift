import CaseCore
import CaseEngine
import RuleKit

/// What the `casePage` template reads: every value is plain text (the template escapes it); the narrative comes as
/// segments, marked where a rule found evidence.
struct CasePageModel {
    struct Segment { var text: String; var mark: Bool }
    struct PartyItem { var role: String; var name: String; var phone: String?; var idNumber: String? }
    struct FindingItem { var severity, severityLabel, rule, message: String; var excerpt: String? }
    struct Option { var value: String; var label: String }
    struct ActionItem { var event, label: String; var isAssign, isRefer, requiresReason: Bool; var authorities: [Option] }
    struct Transition { var from: String; var to: String }
    struct TimelineItem { var at, label, actor: String; var transition: Transition?; var reason: String?; var text: String? }

    var t: [String: String]
    var id: Int64
    var csrf: String
    var kind, status, priority, department, assignee: String
    var version: Int
    var segments: [Segment]
    var parties: [PartyItem]
    var showFullLink: Bool
    var due, deadlineState: String
    var daysLeft, daysTotal: Int
    var overdue: Bool
    var verdict: String
    var score: Int
    var findings: [FindingItem]
    var hasFindings: Bool
    var actions: [ActionItem]
    var canNote: Bool
    var hasActions: Bool
    var timeline: [TimelineItem]

    init(view: CaseView, evaluation: Evaluation, spans: [Evidence], context: ServerContext) {
        let lang = context.language, r = view.record, d = view.deadline
        let role = context.principal?.role
        t = Templates.texts(lang)
        id = r.id
        csrf = context.principal?.csrf ?? ""
        kind = Labels.kind(r.kind, lang); status = Labels.status(r.status, lang)
        priority = Labels.priority(r.priority, lang)
        department = r.department ?? "—"; assignee = r.assignee ?? "—"
        version = r.version
        segments = Self.segments(r.narrative, spans)
        parties = r.parties.map {
            PartyItem(role: Strings.text($0.role == .complainant ? .complainant : .respondent, lang), name: $0.name,
                      phone: $0.phone, idNumber: $0.idNumber)
        }
        showFullLink = view.masked && role.map { Permissions.allows($0, .caseReadPersonal) } == true
        due = d.dueAt.map { ServerApp.formatDate($0) } ?? "—"
        deadlineState = CodeLabels.deadlineState(d.state, lang)
        daysLeft = max(0, d.limitDays + d.extensionDays - d.usedDays); daysTotal = d.limitDays + d.extensionDays
        overdue = d.isOverdue
        verdict = CodeLabels.verdict(evaluation.verdict, lang); score = evaluation.score
        findings = evaluation.findings.map {
            FindingItem(severity: $0.severity.rawValue, severityLabel: CodeLabels.severity($0.severity, lang), rule: $0.rule,
                        message: $0.message.text(in: lang.rawValue), excerpt: $0.evidence.first?.excerpt)
        }
        hasFindings = !findings.isEmpty
        actions = role.map { Self.actions(r, role: $0, lang) } ?? []
        canNote = role.map { Permissions.allows($0, .caseNote) } == true
        hasActions = !actions.isEmpty || canNote
        timeline = (view.events ?? []).reversed().map { e in
            TimelineItem(at: ServerApp.formatDate(e.at), label: Labels.event(e.name, lang), actor: e.actor,
                         transition: e.from.flatMap { from in e.to.map { Transition(from: Labels.status(from, lang), to: Labels.status($0, lang)) } },
                         reason: e.reason, text: e.text)
        }
    }

    /// One form per workflow event legal from the current status and allowed for the role.
    static func actions(_ r: CaseRecord, role: Role, _ lang: Language) -> [ActionItem] {
        WorkflowEvent.allCases.filter {
            Permissions.allows(role, event: $0) && TransitionTable.target(of: $0, from: r.status) != nil
        }.map { event in
            ActionItem(event: event.rawValue, label: Strings.event(event, lang), isAssign: event == .assign,
                       isRefer: event == .refer, requiresReason: event.requiresReason,
                       authorities: CodeLabels.authorities.map { Option(value: $0, label: CodeLabels.authority($0, lang)) })
        }
    }

    /// The narrative cut at evidence spans (UTF-8 byte ranges; overlapping or out-of-range spans are clipped).
    static func segments(_ text: String, _ spans: [Evidence]) -> [Segment] {
        let bytes = Array(text.utf8)
        var out: [Segment] = []
        var cursor = 0
        for span in spans.sorted(by: { $0.start < $1.start }) {
            let start = max(span.start, cursor), end = min(span.end, bytes.count)
            guard start < end else { continue }
            if cursor < start { out.append(Segment(text: String(decoding: bytes[cursor..<start], as: UTF8.self), mark: false)) }
            out.append(Segment(text: String(decoding: bytes[start..<end], as: UTF8.self), mark: true))
            cursor = end
        }
        if cursor < bytes.count { out.append(Segment(text: String(decoding: bytes[cursor...], as: UTF8.self), mark: false)) }
        return out
    }
}
