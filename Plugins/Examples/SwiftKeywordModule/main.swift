// An example external module for RightsDesk (protocol 1, docs/module-protocol.md) as a small Swift executable:
// it flags configurable keywords in a job posting's title and description.
//
//   SwiftKeywordModule [--keyword WORD]...     (default keywords: 刷单, 垫付, 日赚千元; or KEYWORDS=a,b,c)
//
// It reads one JSON request per line on stdin and answers one JSON line per request on stdout.
import Foundation

let moduleID = "keywords"
let ruleID = "keywords.flagged_word"

/// The keywords from `--keyword` arguments, else `$KEYWORDS`, else the defaults.
func configuredKeywords() -> [String] {
    var words: [String] = []
    var arguments = CommandLine.arguments.dropFirst().makeIterator()
    while let argument = arguments.next() {
        if argument == "--keyword", let word = arguments.next(), !word.isEmpty { words.append(word) }
    }
    if words.isEmpty, let list = ProcessInfo.processInfo.environment["KEYWORDS"] {
        words = list.split(separator: ",").map(String.init).filter { !$0.isEmpty }
    }
    return words.isEmpty ? ["刷单", "垫付", "日赚千元"] : words
}

/// One JSON line on stdout, flushed.
func send(_ object: [String: Any]) {
    guard var data = try? JSONSerialization.data(withJSONObject: object) else { return }
    data.append(0x0A)
    FileHandle.standardOutput.write(data)
}

/// The first keyword hit in the scanned fields, as a protocol finding.
func findings(in subject: [String: Any], keywords: [String]) -> [[String: Any]] {
    let fields = subject["fields"] as? [[String: Any]] ?? []
    for field in fields {
        guard let name = field["name"] as? String, ["title", "description"].contains(name),
              let text = field["text"] as? String else { continue }
        for word in keywords {
            guard let range = text.range(of: word) else { continue }
            let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            let end = start + word.utf8.count
            return [[
                "rule": ruleID, "severity": "high", "score": 4,
                "message": ["zh": "出现可疑关键词：\(word)", "en": "Suspicious keyword: \(word)"],
                "evidence": [["field": name, "start": start, "end": end, "excerpt": word]],
            ]]
        }
    }
    return []
}

let keywords = configuredKeywords()
send([
    "type": "handshake", "protocol": 1, "module": moduleID, "version": "1.0.0", "subjects": ["jobPosting"],
    "rules": [[
        "id": ruleID, "name": ["zh": "可疑关键词", "en": "Suspicious keyword"], "severity": "high", "score": 4,
        "level": 1, "fields": ["description"],
        "examples": ["trigger": ["在家⟦\(keywords[0])⟧，轻松赚钱"], "ignore": ["招聘仓库理货员，月薪五千"]],
    ]],
])
while let line = readLine() {
    guard let data = line.data(using: .utf8), !line.isEmpty,
          let request = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    else { continue }
    let id = request["id"] as? String ?? ""
    switch request["type"] as? String {
    case "shutdown":
        exit(0)
    case "ping":
        send(["type": "pong", "id": id])
    case "evaluate":
        let subject = request["subject"] as? [String: Any] ?? [:]
        send(["type": "result", "id": id, "findings": findings(in: subject, keywords: keywords)])
    default:
        send(["type": "error", "id": id, "message": "unknown request type"])
    }
}
