import ArgumentParser
import PatternPack
import PluginHost
import RuleKit

extension RightsDesk {
    /// `rightsdesk modules …`: built-in, data-pack and external rule modules alike.
    struct Modules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, test, health-check and reload rule modules (built-in, data pack, external).",
            subcommands: [List.self, Test.self, Health.self, Reload.self])

        /// How a module is loaded, for listings. Built-in modules are known by id: the registry may hold one as a
        /// plain pattern pack (loaded with a literal sample, or watching literals for another module).
        static func kind(of module: any RuleModule) -> String {
            if module is ExternalModule { return "external" }
            if BuiltInModules.all.contains(where: { $0.moduleID == module.id }) { return "built-in" }
            if module is PatternPackModule { return "data-pack" }
            return "built-in"
        }
    }
}
