import ArgumentParser
import Foundation
import LearnedScore
import RuleKit
import Scanning

/// Options naming labelled training or evaluation data (`--data`, `--label`, `--map`, `--format`).
struct ModelDataOptions: ParsableArguments {
    @Option(help: "Labelled postings (JSON Lines or CSV; - reads standard input).") var data: String
    @Option(help: "Input field holding the label (1/true = fraudulent, 0/false = honest).") var label: String
    @Option(help: "Field mapping, e.g. description=jobDescription,id=job_id.") var map: String?
    @Option(help: "Input format: jsonl or csv (default: from the extension or the first byte).") var format: String?
    @Flag(help: "Do not run the rules (bands are then chosen for the model alone).") var noRules = false

    /// How messages name the data: its path, or `stdin`.
    var dataName: String { data == "-" ? "stdin" : data }

    func validate() throws {
        guard data == "-" || FileManager.default.fileExists(atPath: data) else { throw ValidationError("no such file: \(data)") }
        if let format, InputFormat(rawValue: format) == nil { throw ValidationError("--format must be jsonl or csv") }
        if let map { _ = try FieldMapping(parsing: map) }
        if label.isEmpty { throw ValidationError("--label needs a field name") }
    }

    /// Labelled postings read from `--data`, with their rule scores, and what was skipped.
    struct Loaded {
        var postings: [LabelledPosting] = []
        /// Each posting's value of the source field given to ``load(registry:sourceField:)`` ("" when it has none),
        /// in the order of `postings`; empty without a source field.
        var sources: [String] = []
        /// Records without the label field, or with it empty or null.
        var withoutLabel = 0
        /// Lines whose label is there but reads as neither fraudulent nor honest.
        var unreadableLabels: [Int] = []
        /// Records that could not be read at all (malformed JSON, invalid UTF-8, a broken CSV row …), with their place.
        var problems: [InputProblem] = []
        var sha256 = ""

        var malformed: Int { problems.count }

        /// What was skipped and where, for standard error: every problem up to `limit` lines each, then a count.
        func skippedLines(file: String, label: String, limit: Int = 20) -> [String] {
            var lines = problems.prefix(limit).map { "\(file): \($0)" }
            if problems.count > limit { lines.append("\(file): … and \(problems.count - limit) more malformed records") }
            lines += unreadableLabels.prefix(limit).map {
                "\(file): line \($0): label field '\(label)' is not 1/1.0/true/yes or 0/0.0/false/no; skipped"
            }
            if unreadableLabels.count > limit {
                lines.append("\(file): … and \(unreadableLabels.count - limit) more unreadable labels")
            }
            if !problems.isEmpty || !unreadableLabels.isEmpty {
                lines.append("\(file): skipped \(problems.count) malformed records, \(unreadableLabels.count) with an unreadable label, "
                    + "\(withoutLabel) without a label")
            }
            return lines
        }

        /// Why `folds` grouped folds cannot be cut from these postings, or nil when they can.
        func tooManyFolds(_ folds: Int, option: String) -> String? {
            folds > postings.count
                ? "\(option) \(folds) is more than the \(postings.count) labelled postings; use at most \(postings.count)" : nil
        }

        /// Why there is nothing to learn from or measure, or nil when both classes are there.
        func missingClasses(file: String, label: String) -> String? {
            let fraudulent = postings.filter(\.label).count
            guard fraudulent == 0 || fraudulent == postings.count else { return nil }
            let found = postings.isEmpty ? "no labelled postings"
                : "only \(fraudulent == 0 ? "honest" : "fraudulent") labelled postings (\(postings.count))"
            var reasons: [String] = []
            if withoutLabel > 0 { reasons.append("\(withoutLabel) records have no '\(label)' field or an empty one") }
            if !unreadableLabels.isEmpty { reasons.append("\(unreadableLabels.count) have an unreadable label") }
            if !problems.isEmpty { reasons.append("\(problems.count) could not be read") }
            return "\(file): \(found) under the label field '\(label)'"
                + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: "; ")))")
                + "; both fraudulent and honest postings are needed"
        }
    }

    /// Reads the data; `registry` (nil with `--no-rules`) gives each posting its rule score; with `sourceField`,
    /// each posting's value of that input field is kept in ``Loaded/sources``.
    func load(registry: ModuleRegistry?, sourceField: String? = nil) throws -> Loaded {
        var loaded = Loaded()
        // Read whole (its SHA-256 goes into the model), then decoded from memory: the file is read once, and
        // standard input (`-`) works like a file.
        let contents = data == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: data)
        guard let contents else { throw ValidationError("cannot read \(data)") }
        let bytes = [UInt8](contents)
        loaded.sha256 = SHA256.hash(bytes).hexString
        var reader = InputOpener.open(bytes: bytes, name: data, format: format.flatMap(InputFormat.init(rawValue:)))
        let decoder = PostingDecoder(mapping: try map.map(FieldMapping.init(parsing:)) ?? FieldMapping(), extras: [label] + (sourceField.map { [$0] } ?? []))
        while let event = reader.next() {
            let record: InputRecord
            switch event {
            case .problem(let problem):
                loaded.problems.append(problem)
                continue
            case .record(let read):
                record = read
            }
            let posting: Posting
            switch decoder.decode(record) {
            case .failure(let problem):
                loaded.problems.append(problem)
                continue
            case .success(let decoded):
                posting = decoded
            }
            let value = posting.extras[label]
            guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                loaded.withoutLabel += 1
                continue
            }
            guard let truth = EvalReport.truth(of: value) else {
                loaded.unreadableLabels.append(record.line)
                continue
            }
            let score = registry?.evaluate(posting.subject).score ?? 0
            loaded.postings.append(LabelledPosting(subject: posting.subject, label: truth, ruleScore: score))
            if let sourceField {
                loaded.sources.append(posting.extras[sourceField]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
            }
        }
        return loaded
    }
}

/// Options of the training procedure shared by `model train` and `model eval --cross-validate`.
struct ModelTrainingOptions: ParsableArguments {
    @Option(help: "Seed of the shuffle and the folds; one seed always gives the same model.") var seed: UInt64 = 1
    @Option(help: "Grouped cross-validation folds used to choose the bands.") var folds = 5
    @Option(help: "Largest share of honest postings allowed at likelyFraud on held-out folds.") var targetFpr = 0.01
    @Option(help: """
        Largest share of honest postings allowed at suspicious or above on held-out folds (default: the suspicious \
        band with the best F1; set this when the labelled data holds more fraud than the postings you scan).
        """)
    var suspiciousFpr: Double?
    @Option(help: "Training passes.") var epochs = 10
    @Option(help: "Log2 of the hash buckets (10…24).") var bits = 20
    @Option(help: "Posting fields the model reads: groups separated by commas, fields sharing features joined by +.")
    var fields = HashingParameters.defaultFieldSpec
    @Option(help: "Bucket weighting: idf (sublinear TF × IDF) or nb (binary TF × NB log-count ratio, ADR 0016).")
    var weighting = "idf"
    @Option(help: "Smoothing count α of the NB log-count ratio (with --weighting nb).") var nbAlpha = 1.0
    @Option(help: """
        What a field group left empty in a posting adds: impute (what the group adds on average, chosen on held-out \
        folds; ADR 0029) or nothing (model format 2 or 4, read by older builds).
        """)
    var emptyFields = "impute"
    @Option(help: """
        What the folds that choose the bands keep together: description+company (no copy of a posting and no \
        employer on both sides of a fold; ADR 0030) or description (copies only, as before).
        """)
    var bandFolds = BandFolds.descriptionAndCompany.rawValue

    func validate() throws {
        if folds < 2 { throw ValidationError("--folds must be at least 2") }
        if !(0...1).contains(targetFpr) { throw ValidationError("--target-fpr must be between 0 and 1") }
        if let suspiciousFpr, !(targetFpr...1).contains(suspiciousFpr) {
            throw ValidationError("--suspicious-fpr must be between --target-fpr (\(targetFpr)) and 1: suspicious includes likelyFraud")
        }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if !(10...24).contains(bits) { throw ValidationError("--bits must be in 10…24") }
        if !["idf", "nb"].contains(weighting) { throw ValidationError("--weighting must be idf or nb") }
        if !["impute", "nothing"].contains(emptyFields) { throw ValidationError("--empty-fields must be impute or nothing") }
        if BandFolds(rawValue: bandFolds) == nil { throw ValidationError("--band-folds must be description+company or description") }
        if !(nbAlpha.isFinite && nbAlpha > 0) { throw ValidationError("--nb-alpha must be a positive number") }
        guard let groups = HashingParameters.fieldGroups(parsing: fields) else {
            throw ValidationError("--fields needs groups like title+description,company (each field once)")
        }
        let known = Set(FieldMapping.subjectFields).subtracting(["id"])
        if let unknown = groups.keys.sorted().first(where: { !known.contains($0) }) {
            throw ValidationError("--fields: unknown posting field '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
        }
    }

    /// The trainer these options describe.
    func trainer(thresholds: Thresholds) -> ModelTrainer {
        let hashing = HashingParameters(
            bits: bits, fieldGroups: HashingParameters.fieldGroups(parsing: fields) ?? HashingParameters.defaultFieldGroups,
            imputeEmptyGroups: emptyFields == "impute")
        var trainer = ModelTrainer(
            hashing: weighting == "nb" ? hashing.nbSVM(alpha: nbAlpha) : hashing,
            options: TrainingOptions(epochs: epochs, seed: seed),
            targets: ThresholdTargets(likelyFraudFPR: targetFpr, suspiciousFPR: suspiciousFpr), thresholds: thresholds,
            folds: folds)
        trainer.bandFolds = BandFolds(rawValue: bandFolds) ?? .descriptionAndCompany
        return trainer
    }
}
