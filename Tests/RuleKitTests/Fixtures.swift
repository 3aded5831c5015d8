import Foundation
import PatternPack
import RuleKit

/// Paths and helpers for the invented test packs under `Fixtures/`.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    static var demoPack: String { directory + "/demo" }

    static func demo(engine: PackEngine = .naive) throws -> PatternPackModule {
        try PackLoader.load(directory: demoPack, engine: engine)
    }

    static func posting(_ description: String, title: String = "") -> Subject {
        Subject(kind: .jobPosting, id: "t", fields: [
            SubjectField(name: "title", text: title), SubjectField(name: "description", text: description),
        ])
    }

    /// Loads one pack file given as text and returns its problems (empty when it loads).
    static func problems(_ yaml: String, file: String = "test.yaml") -> [PackProblem] {
        do {
            _ = try PackLoader.load(files: [(file, yaml)])
            return []
        } catch {
            return error.problems
        }
    }
}
