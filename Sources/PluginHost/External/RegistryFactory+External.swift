import RuleKit

extension RegistryFactory {
    /// Starts every declared external module; a module that fails to start adds its reason to `collected`.
    static func startExternalModules(
        _ specs: [ExternalModuleSpec], collecting collected: inout HostError
    ) -> [any RuleModule] {
        var modules: [any RuleModule] = []
        for spec in specs {
            do {
                modules.append(try ExternalModule(spec: spec))
            } catch {
                collected.messages.append(error.description)
            }
        }
        return modules
    }
}
