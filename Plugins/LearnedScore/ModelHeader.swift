/// Everything a model file says about itself besides its weights (stored as JSON inside the file).
public struct ModelHeader: Sendable, Hashable, Codable {
    /// Newest model file format version this code reads and writes (5: imputation of empty field groups,
    /// ADR 0029; 4: binary term frequencies and the NB log-count ratio, ADR 0016).
    public static let currentFormatVersion = 5
    /// Format versions this code reads. Version 2 (or 4) is still written for models that need nothing of a later
    /// version (see ``HashingParameters/formatVersion``), so older builds keep reading them. Version 3 was the
    /// reverted shape-feature format of ADR 0015; its files are refused.
    public static let supportedFormatVersions: [Int] = [2, 4, 5]

    /// Format version (repeats the binary prefix; both must match).
    public var formatVersion: Int
    /// How text becomes features.
    public var hashing: HashingParameters
    /// The model's intercept.
    public var bias: Float
    /// Probability bands chosen on held-out folds.
    public var bands: ScoreBands
    /// The false-positive budget the bands were chosen for.
    public var targets: ThresholdTargets
    /// Where the model came from.
    public var training: TrainingRecord
    /// IDF of buckets absent from the training data (those are not stored), nil without IDF. (The NB log-count
    /// ratio of such buckets is always 0: an n-gram no training posting had does not count.)
    public var idfUnseen: Float?
    /// Feature group name → what the group adds to the margin when a posting has no n-grams in it (ADR 0029), with
    /// ``HashingParameters/imputeEmptyGroups``; nil otherwise.
    public var emptyGroupMargins: [String: Float]?

    /// Creates a header; the format version defaults to the lowest that can hold `hashing`.
    public init(
        formatVersion: Int? = nil, hashing: HashingParameters, bias: Float,
        bands: ScoreBands, targets: ThresholdTargets, training: TrainingRecord, idfUnseen: Float? = nil,
        emptyGroupMargins: [String: Float]? = nil
    ) {
        self.formatVersion = formatVersion ?? hashing.formatVersion
        self.hashing = hashing
        self.bias = bias
        self.bands = bands
        self.targets = targets
        self.training = training
        self.idfUnseen = idfUnseen
        self.emptyGroupMargins = emptyGroupMargins
    }
}

/// Provenance of a model: the data's fingerprint, the date, the seed and the counts.
public struct TrainingRecord: Sendable, Hashable, Codable {
    /// SHA-256 (hex) of the training data file's bytes.
    public var dataSHA256: String
    /// When the model was trained (ISO 8601 date or date-time, as given by the caller).
    public var trainedAt: String
    /// Optimiser settings, seed included.
    public var options: TrainingOptions
    /// Labelled postings used.
    public var examples: Int
    /// Of which fraudulent.
    public var positives: Int
    /// Postings skipped for a missing or unreadable label.
    public var skipped: Int
    /// Folds of the grouped cross-validation that chose the bands.
    public var folds: Int
    /// What those folds kept together (ADR 0030), as written in the file (``BandFolds`` raw value); nil in models
    /// trained before it, whose folds grouped by description only. Kept as text so that a value this build does not
    /// know (from a later one) does not make the model unreadable: the field is informative, scoring never reads it.
    public var bandFoldsName: String?
    /// ``bandFoldsName`` as a ``BandFolds``: nil when absent or unknown to this build.
    public var bandFolds: BandFolds? {
        get { bandFoldsName.flatMap(BandFolds.init(rawValue:)) }
        set { bandFoldsName = newValue?.rawValue }
    }
    /// Held-out figures of the combination at the chosen bands (≥ suspicious and ≥ likelyFraud).
    public var heldOut: HeldOutFigures

    enum CodingKeys: String, CodingKey {
        case dataSHA256, trainedAt, options, examples, positives, skipped, folds, heldOut
        case bandFoldsName = "bandFolds"
    }

    /// Creates a record.
    public init(
        dataSHA256: String, trainedAt: String, options: TrainingOptions, examples: Int, positives: Int, skipped: Int,
        folds: Int, bandFolds: BandFolds? = nil, heldOut: HeldOutFigures
    ) {
        self.dataSHA256 = dataSHA256
        self.trainedAt = trainedAt
        self.options = options
        self.examples = examples
        self.positives = positives
        self.skipped = skipped
        self.folds = folds
        self.bandFoldsName = bandFolds?.rawValue
        self.heldOut = heldOut
    }
}

/// Confusion matrices of the combined verdict on held-out folds.
public struct HeldOutFigures: Sendable, Hashable, Codable {
    /// Verdict ≥ suspicious counts as flagged.
    public var suspicious: Confusion
    /// Verdict ≥ likelyFraud counts as flagged.
    public var likelyFraud: Confusion

    /// Creates figures.
    public init(suspicious: Confusion = Confusion(), likelyFraud: Confusion = Confusion()) {
        self.suspicious = suspicious
        self.likelyFraud = likelyFraud
    }
}
