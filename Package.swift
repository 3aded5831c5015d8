// swift-tools-version:6.0
// RightsDesk — a case system for gig workers' rights. Layout: ../shared/design/DESIGN.md, docs/architecture.md.
import PackageDescription

let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let yams = Target.Dependency.product(name: "Yams", package: "Yams")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting = Target.Dependency.product(name: "HummingbirdTesting", package: "hummingbird")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let bcrypt = Target.Dependency.product(name: "HummingbirdBcrypt", package: "hummingbird-auth")
let mustache = Target.Dependency.product(name: "Mustache", package: "swift-mustache")

let package = Package(
    name: "RightsDesk",
    products: [
        .executable(name: "rightsdesk", targets: ["RightsDeskCLI"]),
        .executable(name: "rightsdesk-bench", targets: ["RightsDeskBench"]),
        .library(name: "RuleKit", targets: ["RuleKit"]),
        .library(name: "RuleKitTesting", targets: ["RuleKitTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: Core (no GRDB, Hummingbird or ArgumentParser below CaseEngine)
        .target(name: "CaseCore"),
        .target(name: "SeededRandom"),
        .target(name: "EntityKit"),
        .target(name: "CaseStore", dependencies: ["CaseCore", "EntityKit", grdb, logging]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        .target(name: "RuleKit", dependencies: [logging]),
        .target(name: "RuleKitTesting", dependencies: ["RuleKit"]),
        .target(name: "PatternPack", dependencies: ["RuleKit", "PCRE2", yams]),
        .target(name: "PluginHost", dependencies: ["RuleKit", "PatternPack", "FakeJobDetection", "BlackIntermediary", "LearnedScore", yams, logging]),
        .target(name: "Scanning", dependencies: ["RuleKit", "PluginHost", "PatternPack"]),
        .target(name: "CaseEngine", dependencies: ["CaseCore", "CaseStore", "RuleKit", "PluginHost", "LegalReferral", "EntityKit", "BlackIntermediary", yams, logging]),

        // MARK: Rule modules (one target each; they see RuleKit and the pattern engine, never the store)
        .target(name: "FakeJobDetection", dependencies: ["RuleKit", "PatternPack"], path: "Plugins/FakeJobDetection"),
        .target(name: "BlackIntermediary", dependencies: ["RuleKit", "PatternPack", "EntityKit"], path: "Plugins/BlackIntermediary"),
        .target(name: "LegalReferral", dependencies: ["CaseCore", "RuleKit", yams], path: "Plugins/LegalReferral"),
        .target(name: "LearnedScore", dependencies: ["RuleKit", "SeededRandom"], path: "Plugins/LearnedScore"),

        // MARK: Server (the only module that sees Hummingbird)
        .target(
            name: "RightsDeskServer",
            dependencies: [
                "CaseEngine", "CaseCore", "CaseStore", "RuleKit", "PluginHost", "Scanning", "LegalReferral", "EntityKit",
                hummingbird, bcrypt, crypto, nioPosix, grdb, logging, mustache,
            ]),

        // MARK: Executables
        .executableTarget(
            name: "RightsDeskCLI",
            dependencies: [
                "CaseEngine", "Scanning", "PluginHost", "PatternPack", "RuleKit", "RuleKitTesting", "FakeJobDetection",
                "LegalReferral", "LearnedScore", "EntityKit", "RightsDeskServer",
                argumentParser, logging,
            ]),
        .executableTarget(name: "SwiftKeywordModule", path: "Plugins/Examples/SwiftKeywordModule"),
        .executableTarget(
            name: "RightsDeskBench",
            dependencies: ["CaseEngine", "CaseStore", "PatternPack", "PCRE2", "Scanning", "PluginHost", "LearnedScore", "EntityKit", "SeededRandom", grdb]),

        // MARK: Tests
        .testTarget(name: "CaseCoreTests", dependencies: ["CaseCore"]),
        .testTarget(name: "CaseStoreTests", dependencies: ["CaseStore", "CaseCore", grdb]),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2", "SeededRandom"]),
        .testTarget(name: "RuleKitTests", dependencies: ["RuleKit", "RuleKitTesting", "PatternPack", "SeededRandom"], exclude: ["Fixtures"]),
        .testTarget(name: "LearnedScoreTests", dependencies: ["LearnedScore", "RuleKit", "PluginHost"], exclude: ["Fixtures"]),
        .testTarget(name: "FakeJobDetectionTests", dependencies: ["FakeJobDetection", "RuleKit", "RuleKitTesting", "PatternPack"]),
        .testTarget(name: "CaseEngineTests", dependencies: ["CaseEngine", "CaseCore", "CaseStore", "RuleKit"]),
        .testTarget(name: "ScanningTests", dependencies: ["Scanning", "RuleKit", "PatternPack", "PluginHost", "SeededRandom"], exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["CaseEngine"], exclude: ["Golden"]),
        .testTarget(name: "PluginHostTests", dependencies: ["PluginHost", "BlackIntermediary", "PatternPack", "RuleKit", "RuleKitTesting", "Scanning", "SwiftKeywordModule"]),
        .testTarget(name: "EntityKitTests", dependencies: ["EntityKit", "SeededRandom"]),
        .testTarget(name: "BlackIntermediaryTests", dependencies: ["BlackIntermediary", "EntityKit", "RuleKit", "RuleKitTesting", "CaseEngine", "CaseStore", "CaseCore"]),
        .testTarget(name: "LegalReferralTests", dependencies: ["LegalReferral", "CaseCore", "RuleKit", "RuleKitTesting", "CaseEngine", "CaseStore"]),
        .testTarget(
            name: "RightsDeskServerTests",
            dependencies: ["RightsDeskServer", "CaseEngine", "CaseCore", "CaseStore", "LearnedScore", "RuleKit", hummingbird, hummingbirdTesting, mustache],
            exclude: ["Browser"]),
    ],
    swiftLanguageModes: [.v6]
)
