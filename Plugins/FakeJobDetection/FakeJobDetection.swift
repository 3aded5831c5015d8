import PatternPack
import RuleKit

/// The built-in fake-job detection module (`fake_job`): the YAML pack `rules/fake-job/` exposed as a ``RuleModule``.
///
/// The rules themselves are data (fees demanded before hiring, 刷单 / 垫付, 培训贷, withheld ID cards, renting out
/// bank or phone cards, off-platform task hand-outs, guaranteed-hire and overseas lures, downline recruiting). This
/// type loads them through ``PackLoader`` under the fixed module id `fake_job`, so a rule author edits the YAML and
/// reloads without rebuilding.
///
/// ```swift
/// let module = try FakeJobDetection(rulesDirectory: "rules")
/// var builder = RegistryBuilder(settings: ModuleSettings(level: 1))
/// try builder.register(module)
/// let verdict = builder.build().evaluate(posting).verdict
/// ```
public struct FakeJobDetection: RuleModule, LiteralWatching {
    /// The module id every rule of the pack is namespaced under.
    public static let moduleID = "fake_job"
    /// The pack's directory name inside a `rules/` directory.
    public static let packDirectoryName = "fake-job"

    /// The compiled pack this module delegates to.
    public let pack: PatternPackModule

    /// Loads the pack from `rulesDirectory/fake-job`.
    ///
    /// - Parameters:
    ///   - rulesDirectory: the `rules/` directory of an installation or a checkout.
    ///   - engine: the matching strategy (`naive` is the reference path).
    /// - Throws: ``PackLoadError`` listing every problem of the pack (file:line:column, rule id, pattern offset).
    public init(rulesDirectory: String, engine: PackEngine = .prefilter) throws(PackLoadError) {
        try self.init(packDirectory: Self.packDirectory(inRules: rulesDirectory), engine: engine)
    }

    /// Loads the pack from an explicit pack directory (the one holding `fees.yaml`, `brushing.yaml`, …).
    ///
    /// - Throws: ``PackLoadError`` listing every problem of the pack.
    public init(packDirectory: String, engine: PackEngine = .prefilter) throws(PackLoadError) {
        pack = try PackLoader.load(directory: packDirectory, id: Self.moduleID, engine: engine)
    }

    private init(pack: PatternPackModule) {
        self.pack = pack
    }

    /// The pack directory inside a `rules/` directory.
    public static func packDirectory(inRules rulesDirectory: String) -> String {
        let trimmed = rulesDirectory.hasSuffix("/") ? String(rulesDirectory.dropLast()) : rulesDirectory
        return (trimmed.isEmpty ? "." : trimmed) + "/" + packDirectoryName
    }

    // MARK: - RuleModule

    /// Always `fake_job`.
    public var id: String { Self.moduleID }
    /// The pack's version.
    public var version: String { pack.version }
    /// The subject kinds the pack evaluates (job postings).
    public var subjects: Set<SubjectKind> { pack.subjects }
    /// Every rule of the pack, sub-rules included.
    public var rules: [RuleDescription] { pack.rules }

    /// Runs the pack over one subject; see ``RuleModule/evaluate(_:context:)``.
    public func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        try pack.evaluate(subject, context: context)
    }

    /// Runs one rule alone, sub-rules included; see ``RuleModule/probe(rule:subject:context:)``.
    public func probe(rule id: String, subject: Subject, context: any EvaluationContext) throws -> Finding? {
        try pack.probe(rule: id, subject: subject, context: context)
    }

    /// The pack restricted to the rules that can count under `settings` (same module id).
    public func prepared(for settings: ModuleSettings) -> any RuleModule { pack.restricted(to: settings) }

    /// The module whose pass also looks for `watch`'s literals (see ``LiteralWatch``).
    public func watching(_ watch: LiteralWatch) -> any RuleModule { FakeJobDetection(pack: pack.watchingPack(watch)) }
}
