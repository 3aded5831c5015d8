import Foundation
import LearnedScore
import RuleKit

/// The project's own 40 short postings (`Fixtures/postings.jsonl`, 20 fraudulent, 20 honest, written for the tests).
enum Fixture {
    static let path: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/") + "/Fixtures/postings.jsonl"
    }()

    /// Input field → subject field, as `--map title=jobTitle,…` would say.
    static let mapping = ["title": "jobTitle", "description": "jobDescription", "company": "companyName", "salary": "jobSalary"]

    static let postings: [LabelledPosting] = {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            let fields = ["title", "description", "company", "salary"].map {
                SubjectField(name: $0, text: object[mapping[$0] ?? $0] as? String ?? "")
            }
            let subject = Subject(kind: .jobPosting, id: object["job_id"] as? String ?? "", fields: fields)
            return LabelledPosting(subject: subject, label: (object["fraudulent"] as? Int) == 1)
        }
    }()

    /// A subject with a description (and optional title).
    static func posting(_ description: String, title: String = "") -> Subject {
        Subject(
            kind: .jobPosting, id: "t",
            fields: [SubjectField(name: "title", text: title), SubjectField(name: "description", text: description)])
    }

    /// Small hashing parameters that keep tests fast.
    static let smallHashing = HashingParameters(bits: 16)

    /// A model trained on the fixture with a seed.
    static func model(seed: UInt64 = 1, hashing: HashingParameters = smallHashing) -> LearnedModel {
        let trainer = ModelTrainer(hashing: hashing, options: TrainingOptions(epochs: 20, seed: seed), folds: 4)
        return trainer.train(postings, dataSHA256: "fixture", trainedAt: "2026-01-01")
    }
}
