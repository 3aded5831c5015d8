import CaseCore
import CaseEngine
import Foundation
import Hummingbird
import RuleKit

extension ServerApp {
    /// A case: facts, parties (masked unless `?full=1`, which is audited), deadline, findings with highlighted
    /// evidence, timeline, and the workflow actions the user's role may apply from the current status.
    func casePage(_ request: Request, _ context: ServerContext) throws -> Response {
        let lang = context.language
        let full = request.uri.queryParameters["full"] == "1"
        if full { try require(.caseReadPersonal, context) }
        let view = try service.show(try caseID(context), unmasked: full, actor: try actor(context))
        let r = view.record
        let evaluation = registry.evaluate(Subject(kind: .jobPosting, id: r.number,
                                                   fields: [SubjectField(name: "description", text: r.narrative)]))
        let spans = evaluation.findings.flatMap { $0.evidence }.filter { $0.field == "description" }
        let model = CasePageModel(view: view, evaluation: evaluation, spans: spans, context: context)
        let page = Page(title: "\(Strings.text(.number, lang)) \(r.number)", context: context, active: .queue,
                        template: "casePage", model: model)
        return Self.html(page.render())
    }

    func transitionSubmit(_ request: Request, _ context: ServerContext) throws -> Response {
        let form = FormBody(context.body)
        guard let event = form.value("event").flatMap(WorkflowEvent.init(rawValue:)) else {
            throw APIError.invalid("event", "未知事件 / unknown event")
        }
        let req = TransitionRequest(event, reason: form.value("reason"), assignee: form.value("assignee"),
                                    department: form.value("department"), authority: form.value("authority"))
        let view = try transition(req, context: context, expectedVersion: form.value("expectedVersion").flatMap(Int.init))
        return Self.redirect("/cases/\(view.record.id)")
    }

    func noteSubmit(_ request: Request, _ context: ServerContext) throws -> Response {
        let view = try service.note(try caseID(context), text: FormBody(context.body)["text"] ?? "", actor: try actor(context))
        return Self.redirect("/cases/\(view.record.id)")
    }

    /// The narrative, escaped, with evidence spans (UTF-8 byte ranges) wrapped in `<mark>` (the template's rendering
    /// of ``CasePageModel/segments(_:_:)``, for callers outside a template).
    static func highlight(_ text: String, _ spans: [Evidence]) -> String {
        CasePageModel.segments(text, spans).map { $0.mark ? "<mark>\(HTML.escape($0.text))</mark>" : HTML.escape($0.text) }
            .joined()
    }
}
