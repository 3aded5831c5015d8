import CaseCore
import CaseEngine
import Foundation
import Hummingbird

extension ServerApp {
    /// The intake form; the page script shows red flags and cases against the same respondent while typing.
    func intakePage(_ request: Request, _ context: ServerContext) throws -> Response {
        let lang = context.language
        func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ label: (T) -> String) -> String
        where T.RawValue == String {
            T.allCases.map { "<option value=\"\($0.rawValue)\">\(HTML.escape(label($0)))</option>" }.joined()
        }
        let page = Page(title: Strings.text(.intake, lang), context: context, active: .intake) {
            """
            <div class="intake">
            <form method="post" action="/intake" id="intake-form" class="card">
            \(Page.csrfField(context))
            <div class="row">
            <label>\(Strings.text(.kind, lang)) <select name="kind" id="kind">\(options(CaseKind.self) { Labels.kind($0, lang) })</select></label>
            <label>\(Strings.text(.channel, lang)) <select name="channel">\(options(Channel.self) { Labels.channel($0, lang) })</select></label>
            <label>\(Strings.text(.priority, lang)) <select name="priority">\(options(Priority.self) { Labels.priority($0, lang) })</select></label>
            </div>
            <label>\(Strings.text(.narrative, lang))<textarea name="narrative" id="narrative" rows="7" required maxlength="20000"></textarea></label>
            <fieldset><legend>\(Strings.text(.complainant, lang))</legend>
            <label>\(Strings.text(.name, lang)) <input name="complainantName" id="complainantName" maxlength="100"></label>
            <label>\(Strings.text(.phone, lang)) <input name="complainantPhone" id="complainantPhone" maxlength="20" inputmode="tel"></label>
            </fieldset>
            <fieldset><legend>\(Strings.text(.respondent, lang))</legend>
            <label>\(Strings.text(.name, lang)) <input name="respondentName" id="respondentName" maxlength="100"></label>
            <label>\(Strings.text(.respondentType, lang)) <select name="respondentType">\(options(RespondentType.self) { CodeLabels.respondentType($0, lang) })</select></label>
            <label>\(Strings.text(.phone, lang)) <input name="respondentPhone" maxlength="20" inputmode="tel"></label>
            </fieldset>
            <label>\(Strings.text(.department, lang)) <input name="department" maxlength="60"></label>
            <button type="submit" id="intake-submit">\(Strings.text(.save, lang))</button>
            </form>
            <aside class="hints">
            <section class="card"><h2>\(Strings.text(.redFlags, lang))</h2><ul id="flag-list" data-empty="\(Strings.text(.noRedFlags, lang))"><li class="muted">\(Strings.text(.noRedFlags, lang))</li></ul></section>
            <section class="card"><h2>\(Strings.text(.sameRespondent, lang))</h2><ul id="dup-list" data-empty="\(Strings.text(.noSameRespondent, lang))" data-labels="\(HTML.escape(Self.statusLabelsJSON(lang)))"><li class="muted">\(Strings.text(.noSameRespondent, lang))</li></ul></section>
            </aside></div>
            """
        }
        return Self.html(page.render())
    }

    /// Opens a case from the form, records the entity flags the rule modules raise on it, and shows it.
    func intakeSubmit(_ request: Request, _ context: ServerContext) throws -> Response {
        let form = FormBody(context.body)
        guard let kind = form.value("kind").flatMap(CaseKind.init(rawValue:)) else {
            throw APIError.invalid("kind", "未知类型 / unknown kind")
        }
        let channel = form.value("channel").flatMap(Channel.init(rawValue:)) ?? .hotline
        let priority = form.value("priority").flatMap(Priority.init(rawValue:)) ?? .normal
        var complainant: Party?
        if let name = form.value("complainantName") {
            complainant = Party(role: .complainant, name: name, phone: form.value("complainantPhone"))
        }
        var respondents: [Party] = []
        if let name = form.value("respondentName") {
            respondents.append(Party(role: .respondent, type: form.value("respondentType").flatMap(RespondentType.init(rawValue:)),
                                     name: name, phone: form.value("respondentPhone")))
        }
        let intake = CaseIntake(kind: kind, channel: channel, priority: priority, narrative: form["narrative"] ?? "",
                                complainant: complainant, respondents: respondents,
                                department: form.value("department"))
        let view = try service.open(intake, actor: try actor(context))
        recordEntityFlags(view.record)
        return Self.redirect("/cases/\(view.record.id)")
    }

    /// `{"new":"新登记",…}`: the status labels the page script shows in the duplicate hints.
    static func statusLabelsJSON(_ lang: Language) -> String {
        "{" + CaseStatus.allCases.map { "\"\($0.rawValue)\":\(JSONText.quote(Labels.status($0, lang)))" }
            .joined(separator: ",") + "}"
    }
}
