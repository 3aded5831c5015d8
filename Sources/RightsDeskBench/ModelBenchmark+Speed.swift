import Foundation
import LearnedScore
import PluginHost
import RuleKit

extension ModelBenchmark {
    /// Training time, then one-core scoring throughput of rules, model and both over every posting (×4).
    static func speed(
        _ options: Options, postings: [LabelledPosting], all: [Subject], bytes: Int, registry: ModuleRegistry
    ) throws {
        let clock = ContinuousClock()
        var started = clock.now
        if let path = options.modelPath {
            let model = try LearnedModel.load(path: path)
            print("### Speed of scoring with \(path) (one core)\n")
            try scoring(model, all: all, bytes: bytes, registry: registry)
            return
        }
        let counts = postings.map { FeatureExtractor(parameters: options.hashing).counts(for: $0.subject) }
        let extraction = clock.now - started
        started = clock.now
        _ = options.trainer.fit(counts, labels: postings.map(\.label))
        let fit = clock.now - started
        started = clock.now
        let model = options.trainer.train(postings, dataSHA256: "", trainedAt: "")
        let full = clock.now - started
        print("### Speed (one core)\n")
        print("| step | time |")
        print("|---|---|")
        print("| features of \(postings.count) postings | \(extraction) |")
        print("| one fit (\(options.training.epochs) epochs) | \(fit) |")
        print("| full training (\(options.folds) folds + bands + final fit) | \(full) |\n")
        try scoring(model, all: all, bytes: bytes, registry: registry)
    }

    /// One-core throughput of rules, model and both over every posting (×4).
    static func scoring(_ model: LearnedModel, all: [Subject], bytes: Int, registry: ModuleRegistry) throws {
        let clock = ContinuousClock()
        var started = clock.now
        var builder = RegistryBuilder(settings: registry.settings)
        for module in registry.modules { try builder.register(module) }
        let module = LearnedScore(model: model, thresholds: Thresholds())
        try builder.register(module)
        let combined = builder.build()
        let rounds = 4
        let megabytes = Double(bytes * rounds) / 1e6
        print("| scorer | postings | MB | seconds | MB/s | postings/s |")
        print("|---|---|---|---|---|---|")
        let runs: [(String, (Subject) -> Int)] = [
            ("rules (prefilter)", { registry.evaluate($0).score }),
            ("learned.score alone", { module.finding(for: $0).score }),
            ("model probability only (no evidence)", { model.probability(for: $0) >= 0.5 ? 1 : 0 }),
            ("rules + learned.score", { combined.evaluate($0).score }),
        ]
        for (name, score) in runs {
            started = clock.now
            var total = 0
            for _ in 0..<rounds { for subject in all { total &+= score(subject) } }
            let seconds = Double((clock.now - started).components.attoseconds) / 1e18
                + Double((clock.now - started).components.seconds)
            print(String(format: "| %@ | %d | %.1f | %.2f | %.1f | %.0f |", name, all.count * rounds, megabytes, seconds,
                megabytes / seconds, Double(all.count * rounds) / seconds))
            if total < 0 { print("(checksum \(total))") }
        }
        let flagged = all.filter { module.finding(for: $0).score > 0 }.count
        print("\n\(flagged) of \(all.count) postings reach a band (only those get evidence n-grams).")
        print("MB counts the whole input lines (all fields, JSON syntax included), as `rightsdesk scan` does.")
    }
}
