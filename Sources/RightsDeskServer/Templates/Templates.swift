import CaseCore
import Mustache

/// The web UI's Mustache templates, compiled into the binary (docs/adr/0013-mustache-templates-embedded.md) and
/// parsed once. `{{x}}` HTML-escapes; the only triple-stache is the layout's `{{{content}}}`, which holds the output
/// of another template (a test checks this). A page's fixed texts are `{{t.key}}` (``Strings``).
enum Templates {
    /// Every template by name.
    static let sources: [String: String] = [
        "layout": layout, "login": login, "legal": legal, "queue": queue, "intake": intake, "entities": entities,
        "casePage": casePage, "entity": entity, "dashboard": dashboard, "barChart": barChart,
        "stackedChart": stackedChart, "error": errorPage,
    ]

    /// The parsed templates; a template that does not parse is missing (and `render` says so), which the test
    /// `TemplateTests.allParse` catches before it ships.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in sources {
            try? library.register(text, named: name)
        }
        return library
    }()

    /// Renders template `name` with `model`; an unknown or broken template renders a visible marker, never a crash.
    static func render(_ name: String, _ model: Any) -> String {
        library.render(model, withTemplate: name) ?? "<!-- template \(name) unavailable -->"
    }

    /// The fixed texts of `lang` keyed by ``Strings/Key`` name, for `{{t.key}}`.
    static func texts(_ lang: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Strings.Key.allCases.map { ("\($0)", Strings.text($0, lang)) })
    }
}
