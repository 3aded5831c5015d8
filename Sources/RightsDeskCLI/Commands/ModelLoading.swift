import ArgumentParser
import LearnedScore
import PatternPack
import PluginHost
import RuleKit

/// Builds a scan's registry with the learned model when one is named; a refused model leaves the rules alone.
enum ModelLoading {
    /// The registry and, when a model was named but refused or reads fields the input leaves empty, the note to
    /// repeat after the summary (it is also written at once).
    ///
    /// The model is `modelPath` (from `--model`) or else `model.path` of the configuration when `model.enabled`.
    /// An explicit `--model` is used even when the configuration turns the model off (`model.enabled: false` or
    /// `learned` among `rules.disabledModules`), with a note saying so: the command line names this run's intent.
    /// `fieldsWithText` are the subject fields the first postings of the input fill (nil when unknown, e.g. stdin).
    static func registry(
        config configured: RightsDeskConfig, options: RulesOptions, modelPath: String?,
        literalSample: LiteralSample? = nil, fieldsWithText: Set<String>? = nil
    ) throws -> (registry: ModuleRegistry, note: String?) {
        var config = configured
        if let modelPath, !config.modelEnabled || config.disabledModules.contains(LearnedScore.moduleID) {
            config.disabledModules.remove(LearnedScore.moduleID)
            StandardError.write(
                "the configuration turns the learned model off; --model \(modelPath) overrides it for this run")
        }
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
        let note = fieldsWithText.flatMap { missingFieldsNote(model, path: path, fieldsWithText: $0) }
        if let note { StandardError.write(note) }
        do {
            let builtIns = BuiltInModules.all + [BuiltInModules.learned(model, thresholds: config.thresholds)]
            return (try RegistryFactory.build(config: config, builtIns: builtIns, literalSample: literalSample,
                                             degradedExternalModules: true), note)
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
    }

    /// The model `rightsdesk.yaml` names (`model.path`), loaded or refused, when the configuration turns it on;
    /// nil when it names none or turns it off. For `modules list` and `modules health`, which show it as a module.
    static func configuredModel(_ config: RightsDeskConfig) -> (path: String, result: Result<LearnedModel, ModelFileError>)? {
        guard let path = config.modelPath else { return nil }
        do {
            return try BuiltInModules.configuredModel(config).map { (path, .success($0)) }
        } catch {
            return (path, .failure(error))
        }
    }

    /// A warning when the model reads fields that none of the input's first postings fill; a `--map` is often
    /// missing. It says what the model does with them: a model that imputes empty field groups (ADR 0029) imputes
    /// the groups whose fields are all missing and that it has a margin for; an older model reads them as empty,
    /// which can raise its probability (measured in `docs/quality.md`).
    static func missingFieldsNote(_ model: LearnedModel, path: String, fieldsWithText: Set<String>) -> String? {
        let groupOf = model.header.hashing.fieldGroups
        let missing = Set(groupOf.keys).subtracting(fieldsWithText)
        guard !missing.isEmpty else { return nil }
        let how: String
        if let margins = model.header.emptyGroupMargins, model.extractor.emptyGroupMargins != nil {
            let imputed = Set(groupOf.values).filter { group in
                (margins[group] ?? 0) != 0 && groupOf.allSatisfy { $0.value != group || missing.contains($0.key) }
            }.sorted()
            let rest = missing.filter { !imputed.contains(groupOf[$0] ?? "") }.sorted()
            how = imputed.isEmpty
                ? "the model reads them as empty, as its training data often left them"
                : "the model imputes the empty field group" + (imputed.count > 1 ? "s " : " ")
                    + imputed.joined(separator: ", ") + " (ADR 0029)"
                    + (rest.isEmpty ? "" : " and reads " + rest.joined(separator: ", ") + " as empty")
        } else {
            how = "the model reads them as empty, which can raise its probability (retrain to impute them, ADR 0029)"
        }
        return "learned model \(path) reads fields that the input's first postings leave empty or unmapped: "
            + missing.sorted().joined(separator: ", ") + "; " + how + " (map them with --map if the input has them"
            + " under other names)"
    }
}
