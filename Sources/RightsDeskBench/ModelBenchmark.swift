import Foundation
import LearnedScore
import PatternPack
import PluginHost
import RuleKit
import Scanning

/// `rightsdesk-bench model`: quality (grouped, nested cross-validation of rules alone, model alone and combined) and
/// speed (training time; scoring beside the rules) of the learned scorer on labelled postings.
///
/// Options: `--data PATH` (default `../shared/data/orfd-dev.jsonl`), `--label FIELD` (default `fraudulent`),
/// `--map MAPPING` (default: the ORFD field names), `--rules DIR` (default `rules`), `--level N` (1), `--folds N` (5), `--seed N`,
/// `--epochs N`, `--lr X`, `--l2 X`, `--pos-weight X`, `--bits N`, `--target-fpr X`, `--suspicious-fpr X`, `--no-idf`, `--speed-only`,
/// `--quality-only`, `--one-group` (all fields share features), `--sublinear`/`--no-sublinear`, `--min-n N`,
/// `--max-n N`, `--fields SPEC` (which subject fields the model reads, e.g. `title+description,company,salary`),
/// `--whole-norm` (one unit length for the whole vector instead of one per field group), `--binary` (binary term
/// frequencies), `--nb` (NB-SVM: binary term frequencies × log-count ratio instead of IDF, ADR 0016), `--nb-alpha X`
/// (its smoothing count, default 1), `--no-impute` (an empty field group adds nothing instead of its imputed margin,
/// ADR 0029), `--test-fields F,F…` (held-out postings are judged with only these subject fields filled, e.g.
/// `title,description`: a model trained on full postings scoring partly filled ones), `--model FILE` (score with
/// that model file instead of training one: speed of scoring only), `--hold-out-by FIELD` (an input field such as
/// ORFD's `jobCity`: instead of cross-validation, each of its values is judged by a model trained on the others),
/// `--band-folds description|description+company` (what the folds that choose the bands keep together, ADR 0030). The data is read where it lies and never written anywhere; no model file is written.
enum ModelBenchmark {
    /// ORFD's input fields for every subject field.
    static let orfdMap = "id=job_id,title=jobTitle,description=jobDescription,company=companyName,salary=jobSalary,"
        + "subtitle=jobSubTitle,welfare=jobWelfare,requirements=jobRequirement,companyIntro=companyIntro"

    struct Options {
        var data = "../shared/data/orfd-dev.jsonl"
        var label = "fraudulent"
        var map = ModelBenchmark.orfdMap
        var rules = "rules"
        var level = 1
        var folds = 5
        var hashing = HashingParameters()
        var training = TrainingOptions()
        var targets = ThresholdTargets()
        var speed = true
        var quality = true
        /// A model file to score with instead of training one (speed only; for profiling the scoring path).
        var modelPath: String?
        /// Subject fields the held-out postings keep (the rest are emptied before they are judged), or nil: all.
        var testFields: Set<String>?
        /// An input field whose values are held out one at a time (leave-one-source-out), or nil: cross-validation.
        var holdOutBy: String?
        var bandFolds = BandFolds.descriptionAndCompany

        init(_ args: [String]) throws {
            var rest = args[...]
            while let flag = rest.popFirst() {
                switch flag {
                case "--no-idf": hashing.idf = false; continue
                case "--one-group": hashing.fieldGroups = hashing.fieldGroups.mapValues { _ in "text" }; continue
                case "--no-sublinear": hashing.sublinearTF = false; continue
                case "--sublinear": hashing.sublinearTF = true; continue
                case "--whole-norm": hashing.groupNorm = false; hashing.imputeEmptyGroups = false; continue
                case "--binary": hashing.binaryTF = true; continue
                case "--nb": hashing = hashing.nbSVM(alpha: hashing.nbAlpha); continue
                case "--no-impute": hashing.imputeEmptyGroups = false; continue
                case "--speed-only": quality = false; continue
                case "--quality-only": speed = false; continue
                default: break
                }
                guard let value = rest.popFirst() else { throw PatternBenchmark.BenchmarkError("missing value after \(flag)") }
                try set(flag, value)
            }
        }

        private mutating func set(_ flag: String, _ value: String) throws {
            func number(_ text: String) throws -> Double {
                guard let n = Double(text) else { throw PatternBenchmark.BenchmarkError("\(flag) needs a number") }
                return n
            }
            switch flag {
            case "--data": data = value
            case "--label": label = value
            case "--suspicious-fpr": targets.suspiciousFPR = try number(value)
            case "--map": map = value
            case "--rules": rules = value
            case "--level": level = Int(try number(value))
            case "--folds": folds = Int(try number(value))
            case "--seed": training.seed = UInt64(try number(value))
            case "--epochs": training.epochs = Int(try number(value))
            case "--lr": training.learningRate = try number(value)
            case "--l2": training.l2 = try number(value)
            case "--pos-weight": training.positiveWeight = try number(value)
            case "--bits": hashing.bits = Int(try number(value))
            case "--min-n": hashing.minN = Int(try number(value))
            case "--max-n": hashing.maxN = Int(try number(value))
            case "--fields":
                guard let groups = HashingParameters.fieldGroups(parsing: value) else {
                    throw PatternBenchmark.BenchmarkError("--fields needs groups like title+description,company")
                }
                hashing.fieldGroups = groups
            case "--target-fpr": targets.likelyFraudFPR = try number(value)
            case "--nb-alpha": hashing.nbAlpha = try number(value)
            case "--model": modelPath = value; quality = false
            case "--hold-out-by": holdOutBy = value
            case "--band-folds":
                guard let grouping = BandFolds(rawValue: value) else {
                    throw PatternBenchmark.BenchmarkError("--band-folds takes description or description+company")
                }
                bandFolds = grouping
            case "--test-fields":
                let fields = Set(value.split(separator: ",").map(String.init))
                let known = Set(FieldMapping.subjectFields)
                guard !fields.isEmpty, fields.isSubset(of: known) else {
                    throw PatternBenchmark.BenchmarkError("--test-fields takes posting fields among \(known.sorted().joined(separator: ","))")
                }
                testFields = fields
            default: throw PatternBenchmark.BenchmarkError("unknown option \(flag)")
            }
        }

        var trainer: ModelTrainer {
            var trainer = ModelTrainer(hashing: hashing, options: training, targets: targets, thresholds: Thresholds(), folds: folds)
            trainer.bandFolds = bandFolds
            return trainer
        }
    }

    /// Runs the benchmark and prints Markdown.
    static func run(_ args: [String]) throws {
        let options = try Options(args)
        var config = RightsDeskConfig()
        config.rulesDirectory = options.rules
        config.level = options.level
        let registry = try RegistryFactory.build(config: config, builtIns: BuiltInModules.all)
        let (postings, sources, all, bytes) = try load(options, registry: registry)
        print("## Learned scorer\n")
        print("`rightsdesk-bench model` on \(options.data): \(postings.count) labelled postings "
            + "(\(postings.filter(\.label).count) fraudulent), \(all.count) postings in all, "
            + String(format: "%.1f MB", Double(bytes) / 1e6) + "; \(options.hashing.bucketCount) buckets, "
            + "fields \(options.hashing.fieldSpec), n-grams \(options.hashing.minN)–\(options.hashing.maxN), "
            + "\(options.hashing.weightingDescription), "
            + "norm \(options.hashing.groupNorm ? "per field group" : "whole vector"), "
            + "empty field groups \(options.trainer.imputes ? "imputed" : "add nothing"), "
            + "band folds grouped by \(options.bandFolds.rawValue), "
            + "\(options.training.epochs) epochs, rules level \(options.level), "
            + "target FPR \(options.targets.likelyFraudFPR)"
            + (options.targets.suspiciousFPR.map { " (suspicious \($0))" } ?? "") + ", "
            + "learning rate \(options.training.learningRate), L2 \(options.training.l2), "
            + "positive weight \(options.training.positiveWeight), seed \(options.training.seed).\n")
        if options.quality, let field = options.holdOutBy {
            try holdOut(options, postings, sources: sources, field: field)
        } else if options.quality {
            if let fields = options.testFields {
                print("Held-out postings are judged with only these fields: \(fields.sorted().joined(separator: ", ")).\n")
            }
            quality(options, postings, tested: options.testFields.map { stripped(postings, keeping: $0, registry: registry) })
        }
        if options.speed { try speed(options, postings: postings, all: all, bytes: bytes, registry: registry) }
    }

    static func quality(_ options: Options, _ postings: [LabelledPosting], tested: [LabelledPosting]? = nil) {
        let clock = ContinuousClock()
        let started = clock.now
        let report = ModelEvaluation.crossValidate(postings, trainer: options.trainer, folds: options.folds,
                                                   tested: tested)
        print("### Quality (grouped \(options.folds)-fold cross-validation, bands chosen on inner folds)\n")
        print("```")
        print(ModelReportText.text(report))
        print("```")
        print("(\(clock.now - started))\n")
    }

    /// Leave-one-source-out: each value of `field` judged by a model trained on the postings of the other values.
    static func holdOut(_ options: Options, _ postings: [LabelledPosting], sources: [String], field: String) throws {
        let clock = ContinuousClock()
        let started = clock.now
        guard let result = ModelEvaluation.holdOut(postings, sources: sources, trainer: options.trainer) else {
            throw PatternBenchmark.BenchmarkError("--hold-out-by \(field): the labelled postings need at least two values of it")
        }
        print("### Quality held out by `\(field)` (each value judged by a model trained on the others; bands chosen on "
            + "the training postings' inner folds)\n")
        for (source, report) in result.bySource {
            print("#### \(field) = \(source.isEmpty ? "(empty)" : source)\n")
            print("```")
            print(ModelReportText.text(report))
            print("```\n")
        }
        print("#### All held-out postings pooled\n")
        print("```")
        print(ModelReportText.text(result.pooled))
        print("```")
        print("(\(clock.now - started))\n")
    }

    /// The postings with only `fields` filled (the others emptied), rule scores recomputed.
    static func stripped(_ postings: [LabelledPosting], keeping fields: Set<String>, registry: ModuleRegistry)
        -> [LabelledPosting]
    {
        postings.map { posting in
            var subject = posting.subject
            subject.fields = subject.fields.map { fields.contains($0.name) ? $0 : SubjectField(name: $0.name, text: "") }
            return LabelledPosting(subject: subject, label: posting.label, ruleScore: registry.evaluate(subject).score)
        }
    }

    /// Labelled postings with rule scores, each one's value of `--hold-out-by` (empty without it), every posting's
    /// subject, and the input size.
    static func load(_ options: Options, registry: ModuleRegistry) throws
        -> ([LabelledPosting], [String], [Subject], Int)
    {
        var reader = try InputOpener.open(path: options.data, format: nil)
        let decoder = PostingDecoder(
            mapping: try FieldMapping(parsing: options.map), extras: [options.label] + (options.holdOutBy.map { [$0] } ?? []))
        var labelled: [LabelledPosting] = []
        var sources: [String] = []
        var all: [Subject] = []
        while let event = reader.next() {
            guard case .record(let record) = event, case .success(let posting) = decoder.decode(record) else { continue }
            all.append(posting.subject)
            guard let truth = EvalReport.truth(of: posting.extras[options.label]) else { continue }
            labelled.append(LabelledPosting(
                subject: posting.subject, label: truth, ruleScore: registry.evaluate(posting.subject).score))
            sources.append(options.holdOutBy.flatMap { posting.extras[$0]?.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "")
        }
        return (labelled, sources, all, reader.bytesRead)
    }
}
