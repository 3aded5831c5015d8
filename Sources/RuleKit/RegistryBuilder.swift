/// Builds a ``ModuleRegistry`` once, refusing duplicate module ids and duplicate rule ids or aliases.
///
/// ```swift
/// var builder = RegistryBuilder(settings: ModuleSettings(level: 2))
/// try builder.register(myModule)
/// let registry = builder.build()
/// ```
public struct RegistryBuilder: Sendable {
    private var modules: [any RuleModule] = []
    private var moduleIDs: Set<String> = []
    private var ruleOwners: [String: String] = [:]
    private let settings: ModuleSettings

    /// Creates an empty builder with the settings the registry will apply.
    public init(settings: ModuleSettings = ModuleSettings()) {
        self.settings = settings
    }

    /// Adds a module.
    ///
    /// - Throws: ``RegistryError`` when the module id, or any of its rule ids or aliases, is already taken.
    public mutating func register(_ module: any RuleModule) throws {
        guard !moduleIDs.contains(module.id) else { throw RegistryError.duplicateModule(module.id) }
        var claimed: [String: String] = [:]
        for rule in module.rules {
            for name in [rule.id] + rule.aliases {
                if let owner = ruleOwners[name] ?? claimed[name] {
                    throw RegistryError.duplicateRule(name, first: owner, second: module.id)
                }
                claimed[name] = module.id
            }
        }
        ruleOwners.merge(claimed) { first, _ in first }
        moduleIDs.insert(module.id)
        modules.append(module)
    }

    /// The immutable registry.
    public func build() -> ModuleRegistry {
        ModuleRegistry(modules: modules, settings: settings)
    }
}
