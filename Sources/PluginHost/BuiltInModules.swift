import BlackIntermediary
import FakeJobDetection
import PatternPack
import RuleKit

/// The modules compiled into RightsDesk, in registration order.
public enum BuiltInModules {
    /// Fake-job detection over `rules/fake-job/`.
    public static let fakeJob = BuiltInModuleFactory(
        moduleID: FakeJobDetection.moduleID, packDirectory: FakeJobDetection.packDirectoryName
    ) { rules, engine, sample in
        guard let sample else { return try FakeJobDetection(rulesDirectory: rules, engine: engine) }
        // Same module (same id, same pack); loaded here only to hand the literal sample to the prefilter.
        return try PackLoader.load(
            directory: FakeJobDetection.packDirectory(inRules: rules), id: FakeJobDetection.moduleID, engine: engine,
            literalSample: sample)
    }

    /// Black-intermediary flags over `rules/black-intermediary/` (plus the fake-job fee rules).
    public static let blackIntermediary = BuiltInModuleFactory(
        moduleID: BlackIntermediary.moduleID, packDirectory: BlackIntermediary.packDirectoryName
    ) { rules, engine, sample in
        try BlackIntermediary(rulesDirectory: rules, engine: engine, literalSample: sample)
    }

    /// Every built-in module.
    public static let all: [BuiltInModuleFactory] = [fakeJob, blackIntermediary]
}
