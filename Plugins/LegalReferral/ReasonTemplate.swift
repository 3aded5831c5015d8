import CaseCore
import Foundation

/// Fills `{placeholders}` of a route's reason with the case's facts; unknown values read 未知 / unknown.
struct ReasonTemplate {
    let legalCase: LegalCase

    func render(_ template: String, zh: Bool) -> String {
        let facts = legalCase.facts
        let unknown = zh ? LegalText.unknownValue.zh : LegalText.unknownValue.en
        let signals = (legalCase.tags + legalCase.findings).joined(separator: zh ? "、" : ", ")
        let values: [String: String] = [
            "signals": signals.isEmpty ? unknown : signals,
            "employmentStart": facts.employmentStart?.description ?? unknown,
            "employmentEnd": facts.employmentEnd?.description ?? (zh ? "仍在职或未知" : "still employed or unknown"),
            "learned": facts.learnedOfInfringement?.description ?? unknown,
            "amount": facts.amountClaimed?.description ?? unknown,
            "workers": facts.workersAffected.map(String.init) ?? unknown,
            "category": facts.workerCategory ?? unknown,
        ]
        var text = template
        for (key, value) in values {
            text = text.replacingOccurrences(of: "{\(key)}", with: value)
        }
        return text
    }
}
