import FakeJobDetection
import PatternPack
import RuleKit

/// Loads the real `rules/fake-job` pack of this checkout once for all tests.
enum PackFixture {
    /// The checkout's `rules/` directory, found from this file's path (`Tests/FakeJobDetectionTests/…`).
    static let rulesDirectory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/rules"
    }()

    /// The module, or the load error as text so that every test reports it.
    static let loaded: Result<FakeJobDetection, PackLoadError> = Result {
        () throws(PackLoadError) -> FakeJobDetection in
        try FakeJobDetection(rulesDirectory: rulesDirectory)
    }

    /// The module; throws the load error when the pack does not load.
    static func module() throws -> FakeJobDetection {
        try loaded.get()
    }

    /// Rule ids for parameterized tests; a single sentinel when the pack does not load, so the test fails loudly.
    static let ruleIDs: [String] = (try? loaded.get().rules.map(\.id)) ?? ["<rules/fake-job did not load>"]

    /// A registry holding only this module, running rules up to `level`.
    /// Built once per level: building restricts the pack and compiles its prefilter automaton, which takes a
    /// noticeable part of a second in a debug build, and the parameterized tests ask for it hundreds of times.
    static func registry(level: Int) throws -> ModuleRegistry {
        guard (1...3).contains(level) else { return try makeRegistry(level: level) }
        return try registries[level - 1].get()
    }

    private static let registries: [Result<ModuleRegistry, any Error>] = (1...3).map { level in
        Result { try makeRegistry(level: level) }
    }

    private static func makeRegistry(level: Int) throws -> ModuleRegistry {
        var builder = RegistryBuilder(settings: ModuleSettings(level: level))
        try builder.register(try module())
        return builder.build()
    }

    /// A job posting with the given description (and an optional title).
    static func posting(_ description: String, title: String = "") -> Subject {
        Subject(
            kind: .jobPosting, id: "fixture",
            fields: [SubjectField(name: "title", text: title), SubjectField(name: "description", text: description)])
    }
}
