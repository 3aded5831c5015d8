import BlackIntermediary
import FakeJobDetection
import PatternPack
import RuleKit

/// The modules compiled into RightsDesk, in registration order.
public enum BuiltInModules {
    /// Fake-job detection over `rules/fake-job/`.
    public static let fakeJob = BuiltInModuleFactory(
        moduleID: FakeJobDetection.moduleID, packDirectory: FakeJobDetection.packDirectoryName
    ) { rules, engine in
        try FakeJobDetection(rulesDirectory: rules, engine: engine)
    }

    /// Black-intermediary flags over `rules/black-intermediary/` (plus the fake-job fee rules).
    public static let blackIntermediary = BuiltInModuleFactory(
        moduleID: BlackIntermediary.moduleID, packDirectory: BlackIntermediary.packDirectoryName
    ) { rules, engine in
        try BlackIntermediary(rulesDirectory: rules, engine: engine)
    }

    /// Every built-in module.
    public static let all: [BuiltInModuleFactory] = [fakeJob, blackIntermediary]
}
