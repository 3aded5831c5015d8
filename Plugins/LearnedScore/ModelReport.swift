import RuleKit

/// Quality of rules alone, the model alone and the combination on labelled postings (`rightsdesk model eval`).
///
/// Each part has a confusion matrix at verdict ≥ `suspicious` and at `likelyFraud`; the model alone is judged by
/// its points only. The calibration table bins the model's probabilities.
public struct ModelReport: Sendable, Hashable, Codable {
    /// Confusion matrices at both verdict levels.
    public struct Levels: Sendable, Hashable, Codable {
        /// Verdict ≥ suspicious counts as flagged.
        public var suspicious = Confusion()
        /// Verdict ≥ likelyFraud counts as flagged.
        public var likelyFraud = Confusion()

        /// Empty matrices.
        public init() {}

        mutating func add(_ verdict: Verdict, actual: Bool) {
            suspicious.add(predicted: verdict >= .suspicious, actual: actual)
            likelyFraud.add(predicted: verdict >= .likelyFraud, actual: actual)
        }
    }

    /// Labelled postings evaluated.
    public var labelled = 0
    /// Of which fraudulent.
    public var positives = 0
    /// Postings skipped for a missing or unreadable label.
    public var skipped = 0
    /// Of those, postings whose label was there but read as neither fraudulent nor honest (set by the caller).
    public var unreadableLabels = 0
    /// Records that could not be read at all — malformed JSON, invalid UTF-8, a broken CSV row (set by the caller).
    public var malformed = 0
    /// How the figures were obtained: `model` (a given model) or `cross-validation k=…`.
    public var method: String
    /// The bands in force (for cross-validation, those of the last fold).
    public var bands: ScoreBands
    /// Rules alone.
    public var rules = Levels()
    /// Model alone.
    public var model = Levels()
    /// Rules and model combined.
    public var combined = Levels()
    /// Postings the rules flagged that the combination did not (always 0: the model only adds).
    public var lostByCombination = 0
    /// Calibration of the model's probabilities.
    public var calibration: [CalibrationBin] = []
    /// True when the evaluated data is byte for byte the data the model was trained on (same SHA-256): the figures
    /// then measure how well the model remembers its training data, not how it does on postings it has not seen.
    public var evaluatedOnTrainingData = false

    /// Creates an empty report.
    public init(method: String, bands: ScoreBands) {
        self.method = method
        self.bands = bands
    }
}

