import Foundation
import Mustache
import Testing
@testable import RightsDeskServer

@Suite("Mustache templates")
struct TemplateTests {
    static let evil = "<script>alert(1)</script>\"'&"
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"

    @Test("every template parses and is in the library")
    func allParse() throws {
        for (name, text) in Templates.sources {
            _ = try MustacheTemplate(string: text)
            #expect(Templates.library.getTemplate(named: name) != nil, "\(name)")
        }
    }

    @Test("no template renders a value unescaped except the layout's {{{content}}} (another template's output)")
    func noTripleStache() {
        for (name, text) in Templates.sources {
            let unescaped = text.matches(of: /\{\{\{[^}]*\}\}\}|\{\{&[^}]*\}\}/).map { String($0.output) }
            #expect(unescaped == (name == "layout" ? ["{{{content}}}"] : []), "\(name)")
        }
    }

    /// A model for each template with `<script>` in every piece of user text it shows (narratives, names,
    /// departments, reasons, evidence, labels).
    static func model(_ name: String) -> [String: Any] {
        let e = evil
        switch name {
        case "layout":
            return ["title": e, "content": "", "csrf": e, "user": ["username": e, "role": "r", "csrf": e],
                    "nav": [["href": "/queue", "label": e, "active": true]]]
        case "login": return ["next": e, "failed": true]
        case "error": return ["code": "404", "reason": e, "message": e]
        case "legal":
            return ["hasItems": true, "items": [["id": 1, "number": e, "kind": "k", "priority": "p", "authority": e,
                                                  "referredAt": "d", "clock": e, "urgent": true]]]
        case "queue":
            return ["department": e, "hasRows": true, "statuses": [], "kinds": [], "hasPages": true,
                    "rows": [["id": 1, "number": e, "kind": "k", "status": "s", "priority": "p", "department": e,
                              "assignee": e, "created": "c", "due": "d", "overdue": true, "urgent": false]],
                    "pages": [["href": "/queue?department=" + e, "label": "next", "first": true]]]
        case "intake": return ["csrf": e, "statusLabels": e]
        case "entities":
            return ["hasRows": true, "lang": e,
                    "rows": [["kind": "k", "display": e, "href": "/entities/1", "watched": true, "cases": 1, "postings": 0,
                              "rules": [["id": e, "name": e, "count": 1]], "lastSeen": "x"]]]
        case "casePage":
            return ["segments": [["text": e, "mark": false], ["text": e, "mark": true]], "department": e, "assignee": e,
                    "parties": [["role": "r", "name": e, "phone": e]], "hasFindings": true,
                    "findings": [["severity": "high", "severityLabel": "h", "rule": e, "message": e, "excerpt": e]],
                    "timeline": [["at": "a", "label": "l", "actor": e, "reason": e, "text": e]]]
        case "entity":
            return ["value": e, "companies": e, "watch": ["watchReason": e, "addedBy": e, "addedAt": "x"], "hasFlags": true,
                    "flags": [["severity": "", "rule": e, "name": e, "references": e, "flaggedAt": "x", "evidence": [e]]],
                    "hasCases": true, "cases": [["caseId": 1, "number": e, "caseKind": "k", "status": "s", "role": "r", "namedAt": "x"]],
                    "hasAudit": true, "audit": [["at": "a", "what": "w", "actor": e, "why": e]]]
        case "dashboard", "barChart", "stackedChart":
            let bars: [String: Any] = ["width": 560, "height": 30, "empty": false,
                                       "bars": [["textY": 1, "rectY": 1, "label": e, "rectX": 1, "barWidth": "1", "fill": "#fff",
                                                 "valueX": "1", "value": 1, "href": "/entities/1"]]]
            let stacked: [String: Any] = ["width": 1, "height": 1, "left": 1, "baseY": 1, "maxTotal": 1,
                                          "columns": [["x": 1, "labelY": 1, "label": e,
                                                       "bars": [["x": 1, "y": "1", "h": "1", "w": 1, "fill": "#f00", "title": e]]]],
                                          "legend": [["x": 1, "y": 1, "tx": 1, "ty": 1, "fill": "#f00", "name": e]]]
            if name == "barChart" { return bars }
            if name == "stackedChart" { return stacked }
            return ["departments": bars, "flaggedChart": bars, "perWeek": stacked, "hasFlagged": true,
                    "flagged": [["kind": "k", "display": e, "link": "/entities/1", "rules": [["id": e, "name": e, "count": 1]]]]]
        default: return [:]
        }
    }

    @Test("script in user text renders as text in every template", arguments: Templates.sources.keys.sorted())
    func scriptRendersAsText(_ name: String) {
        let html = Templates.render(name, Self.model(name))
        #expect(!html.contains("<script>alert"), "\(name)")
        #expect(html.contains(Self.escaped), "\(name)")
    }
}
