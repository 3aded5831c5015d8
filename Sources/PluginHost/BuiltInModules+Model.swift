import LearnedScore
import RuleKit

extension BuiltInModules {
    /// The learned scorer with a loaded model, as a built-in factory (the site's thresholds give its points).
    public static func learned(_ model: LearnedModel, thresholds: Thresholds) -> BuiltInModuleFactory {
        let module = LearnedScore(model: model, thresholds: thresholds)
        return BuiltInModuleFactory(moduleID: LearnedScore.moduleID, packDirectory: nil) { _, _, _ in module }
    }

    /// The model file `rightsdesk.yaml` names (`model.path`), when the configuration turns the model on
    /// (`model.enabled` and `learned` not among `rules.disabledModules`); nil when it names none or turns it off.
    ///
    /// - Throws: ``ModelFileError`` when the file is refused (missing, truncated, corrupt, another format).
    public static func configuredModel(_ config: RightsDeskConfig) throws(ModelFileError) -> LearnedModel? {
        guard config.modelEnabled, !config.disabledModules.contains(LearnedScore.moduleID), let path = config.modelPath
        else { return nil }
        return try LearnedModel.load(path: path)
    }

    /// Every built-in module, and the learned model `config` names when it turns one on: what a server's registry
    /// holds, and what `rightsdesk modules reload` checks.
    ///
    /// - Throws: ``ModelFileError`` when the named model file is refused.
    public static func configured(_ config: RightsDeskConfig) throws(ModelFileError) -> [BuiltInModuleFactory] {
        guard let model = try configuredModel(config) else { return all }
        return all + [learned(model, thresholds: config.thresholds)]
    }
}
