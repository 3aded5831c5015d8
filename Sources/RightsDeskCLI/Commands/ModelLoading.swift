import ArgumentParser
import LearnedScore
import PatternPack
import PluginHost
import RuleKit

/// Builds a scan's registry with the learned model when one is named; a refused model leaves the rules alone.
enum ModelLoading {
    /// The registry and, when a model was named but refused, the note to repeat in the summary.
    ///
    /// The model is `modelPath` (from `--model`) or else `model.path` of the configuration when `model.enabled`.
    static func registry(
        config: RightsDeskConfig, options: RulesOptions, modelPath: String?, literalSample: LiteralSample? = nil
    ) throws -> (registry: ModuleRegistry, note: String?) {
        guard let path = modelPath ?? (config.modelEnabled ? config.modelPath : nil) else {
            return (try options.buildRegistry(config, literalSample: literalSample, degraded: true), nil)
        }
        let model: LearnedModel
        do {
            model = try LearnedModel.load(path: path)
        } catch {
            let note = "learned model not used, scanning with rules only: \(error)"
            StandardError.write(note)
            return (try options.buildRegistry(config, literalSample: literalSample, degraded: true), note)
        }
        let module = LearnedScore(model: model, thresholds: config.thresholds)
        let factory = BuiltInModuleFactory(moduleID: LearnedScore.moduleID, packDirectory: nil) { _, _, _ in module }
        do {
            let builtIns = BuiltInModules.all + [factory]
            return (try RegistryFactory.build(config: config, builtIns: builtIns, literalSample: literalSample,
                                             degradedExternalModules: true), nil)
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
    }
}
