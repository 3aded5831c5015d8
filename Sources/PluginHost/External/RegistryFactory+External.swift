import RuleKit

extension RegistryFactory {
    /// Starts every declared external module; a module that fails to start adds its reason to `collected`.
    /// Starts every declared external module. A module that fails to start is a problem (`collected`), unless
    /// `degraded`, where it is replaced by an ``UnavailableModule`` that reports the failure on every evaluation.
    static func startExternalModules(
        _ specs: [ExternalModuleSpec], degraded: Bool = false, collecting collected: inout HostError
    ) -> [any RuleModule] {
        var modules: [any RuleModule] = []
        for spec in specs {
            do {
                modules.append(try ExternalModule(spec: spec))
            } catch {
                if degraded {
                    modules.append(UnavailableModule(id: spec.id, subjects: spec.subjects ?? [.jobPosting],
                                                     reason: error.reason))
                } else {
                    collected.messages.append(error.description)
                }
            }
        }
        return modules
    }
}
