import CaseCore
import CaseEngine
import Foundation
import Hummingbird

extension ServerApp {
    /// The intake form; the page script shows red flags and cases against the same respondent while typing.
    func intakePage(_ request: Request, _ context: ServerContext) throws -> Response {
        let lang = context.language
        struct Option { var value: String; var label: String }
        struct Model {
            var t: [String: String]
            var csrf: String
            var kinds, channels, priorities, respondentTypes: [Option]
            var statusLabels: String
        }
        func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ label: (T) -> String) -> [Option]
        where T.RawValue == String {
            T.allCases.map { Option(value: $0.rawValue, label: label($0)) }
        }
        let model = Model(t: Templates.texts(lang), csrf: context.principal?.csrf ?? "",
                          kinds: options(CaseKind.self) { Labels.kind($0, lang) },
                          channels: options(Channel.self) { Labels.channel($0, lang) },
                          priorities: options(Priority.self) { Labels.priority($0, lang) },
                          respondentTypes: options(RespondentType.self) { CodeLabels.respondentType($0, lang) },
                          statusLabels: Self.statusLabelsJSON(lang))
        let page = Page(title: Strings.text(.intake, lang), context: context, active: .intake, template: "intake",
                        model: model)
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
