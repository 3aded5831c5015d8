import PatternPack
import RuleKit

/// How the host makes a compiled-in module; a built-in may claim a pack directory under `rules/`.
///
/// ```swift
/// let fakeJob = BuiltInModuleFactory(moduleID: "fake_job", packDirectory: "fake-job") { rules, engine, _ in
///     try FakeJobDetection(rulesDirectory: rules, engine: engine)
/// }
/// ```
public struct BuiltInModuleFactory: Sendable {
    /// The module id the factory makes.
    public var moduleID: String
    /// The directory name under `rules/` the module loads itself (not loaded again as a plain pack).
    public var packDirectory: String?
    /// Makes the module from the rules directory, the engine and an optional literal sample (speed only).
    public var make: @Sendable (_ rulesDirectory: String, _ engine: PackEngine, _ sample: LiteralSample?) throws
        -> any RuleModule

    /// Creates a factory.
    public init(
        moduleID: String, packDirectory: String?,
        make: @escaping @Sendable (_ rulesDirectory: String, _ engine: PackEngine, _ sample: LiteralSample?) throws
            -> any RuleModule
    ) {
        self.moduleID = moduleID
        self.packDirectory = packDirectory
        self.make = make
    }
}
