import CaseCore

/// The page layout: head, top bar with navigation for the user's role, language switch, and the content.
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

    func render() -> String {
        let lang = context.language
        let csrf = context.principal?.via == .cookie ? context.principal?.csrf ?? "" : ""
        return """
            <!doctype html>
            <html lang="\(lang == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="csrf" content="\(HTML.escape(csrf))"><meta name="lang" content="\(lang.rawValue)">
            <title>\(HTML.escape(title)) · \(Strings.text(.appName, lang))</title>
            <link rel="stylesheet" href="/assets/app.css"><script src="/assets/app.js" defer></script>
            </head><body>
            <header><span class="brand">\(Strings.text(.appName, lang))</span>\(nav())</header>
            <main><h1>\(HTML.escape(title))</h1>
            \(content())
            </main></body></html>
            """
    }

    private func nav() -> String {
        let lang = context.language
        let other = lang == .zh ? "en" : "zh"
        var items: [(Nav, String, Action)] = [
            (.intake, "/intake", .caseCreate), (.queue, "/queue", .caseRead), (.legal, "/legal", .legalRead),
            (.entities, "/entities", .entityRead), (.dashboard, "/dashboard", .reports),
        ]
        var out = "<nav>"
        if let principal = context.principal {
            items = items.filter { Permissions.allows(principal.role, $0.2) }
            for (nav, href, _) in items {
                let label = Strings.text(Self.key(nav), lang)
                out += "<a href=\"\(href)\"\(nav == active ? " class=\"active\"" : "")>\(label)</a>"
            }
            out += "<span class=\"user\">\(Strings.text(.signedInAs, lang))：\(HTML.escape(principal.username))（\(CodeLabels.role(principal.role, lang))）</span>"
            out += "<form method=\"post\" action=\"/logout\" class=\"inline\">\(Page.csrfField(context))<button>\(Strings.text(.logout, lang))</button></form>"
        }
        out += "<a class=\"lang\" href=\"?lang=\(other)\">\(Strings.text(.language, lang))</a></nav>"
        return out
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

    /// The hidden CSRF field every form carries.
    static func csrfField(_ context: ServerContext) -> String {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(HTML.escape(context.principal?.csrf ?? ""))\">"
    }
}
