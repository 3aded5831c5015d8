import CaseCore

/// The page layout (the `layout` template): head, top bar with navigation for the user's role, language switch,
/// and the content.
///
/// The session's CSRF token is put in a `<meta name="csrf">` for the page's script and in every form.
struct Page {
    enum Nav: String { case intake, queue, legal, entities, dashboard }

    var title: String
    var context: ServerContext
    var active: Nav?
    var content: () -> String

    init(title: String, context: ServerContext, active: Nav?, content: @escaping () -> String) {
        self.title = title
        self.context = context
        self.active = active
        self.content = content
    }

    /// A page whose content is template `name` rendered with `model`.
    init(title: String, context: ServerContext, active: Nav?, template name: String, model: Any) {
        self.init(title: title, context: context, active: active) { Templates.render(name, model) }
    }

    /// What the layout template reads.
    struct LayoutModel {
        struct NavItem { var href: String; var label: String; var active: Bool }
        struct User { var username: String; var role: String; var csrf: String }
        var htmlLang: String
        var lang: String
        var otherLang: String
        var csrf: String
        var title: String
        var t: [String: String]
        var nav: [NavItem]
        var user: User?
        var content: String
    }

    func render() -> String {
        let lang = context.language
        let csrf = context.principal?.via == .cookie ? context.principal?.csrf ?? "" : ""
        var nav: [LayoutModel.NavItem] = []
        var user: LayoutModel.User?
        if let principal = context.principal {
            let items: [(Nav, String, Action)] = [
                (.intake, "/intake", .caseCreate), (.queue, "/queue", .caseRead), (.legal, "/legal", .legalRead),
                (.entities, "/entities", .entityRead), (.dashboard, "/dashboard", .reports),
            ]
            nav = items.filter { Permissions.allows(principal.role, $0.2) }.map {
                LayoutModel.NavItem(href: $0.1, label: Strings.text(Self.key($0.0), lang), active: $0.0 == active)
            }
            user = LayoutModel.User(username: principal.username, role: CodeLabels.role(principal.role, lang),
                                    csrf: principal.csrf)
        }
        let model = LayoutModel(htmlLang: lang == .zh ? "zh-CN" : "en", lang: lang.rawValue,
                                otherLang: lang == .zh ? "en" : "zh", csrf: csrf, title: title,
                                t: Templates.texts(lang), nav: nav, user: user, content: content())
        return Templates.render("layout", model)
    }

    private static func key(_ nav: Nav) -> Strings.Key {
        switch nav {
        case .intake: .intake
        case .queue: .queue
        case .legal: .legalDesk
        case .entities: .entities
        case .dashboard: .dashboard
        }
    }
}
