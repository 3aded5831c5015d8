import RuleKit

/// The in-process twin of `SwiftKeywordModule`: the same keywords, fields and finding.
struct KeywordProbe: RuleModule {
    let id = "keywords_in_process"
    let version = "1"
    let subjects: Set<SubjectKind> = [.jobPosting]
    let keywords = ["刷单", "垫付"]
    var rules: [RuleDescription] {
        [RuleDescription(id: "keywords_in_process.flagged_word", name: LocalizedText(zh: "可疑关键词", en: "Suspicious keyword"),
                         severity: .high, score: 4, examples: RuleExamples())]
    }

    func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        for field in subject.fields where field.name == "title" || field.name == "description" {
            for word in keywords {
                guard let range = field.text.range(of: word) else { continue }
                let start = field.text.utf8.distance(from: field.text.utf8.startIndex, to: range.lowerBound)
                return [Finding(
                    module: id, rule: rules[0].id, severity: .high, score: 4,
                    message: LocalizedText(zh: "出现可疑关键词：\(word)", en: "Suspicious keyword: \(word)"),
                    evidence: [Evidence(field: field.name, start: start, end: start + word.utf8.count, excerpt: word)])]
            }
        }
        return []
    }
}
