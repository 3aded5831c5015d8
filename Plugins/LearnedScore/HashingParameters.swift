/// How posting text becomes features: which fields, which character n-grams, how many hash buckets.
///
/// Stored in every model file; a model is scored with exactly the parameters it was trained with.
public struct HashingParameters: Sendable, Hashable, Codable {
    /// The feature scheme this code implements; a file naming another scheme is refused.
    public static let currentScheme = "char-ngram-v2"

    /// Name of the feature scheme (normalisation, hashing and weighting rules).
    public var scheme: String
    /// Log2 of the number of hash buckets (10…24).
    public var bits: Int
    /// Shortest n-gram, in Unicode scalars (1…3).
    public var minN: Int
    /// Longest n-gram, in Unicode scalars (`minN`…3).
    public var maxN: Int
    /// Subject field → feature group; fields of one group share n-gram features, other fields are not read.
    public var fieldGroups: [String: String]
    /// Weight repeated n-grams by `1 + ln(count)` instead of `count`.
    public var sublinearTF: Bool
    /// Multiply by the inverse document frequency learnt from the training data (TF-IDF).
    public var idf: Bool
    /// Scale each feature group to unit length on its own (otherwise the whole vector).
    public var groupNorm: Bool
    /// Binary term frequencies: an n-gram bucket present in the text counts 1 however often it occurs (its hash
    /// sign kept); overrides ``sublinearTF``. Needs model format version 4.
    public var binaryTF: Bool
    /// NB-SVM weighting: multiply each bucket by its log-count ratio between fraudulent and honest training postings
    /// instead of by its IDF (see ``FeatureExtractor/logCountRatios(_:labels:buckets:alpha:)``). Excludes ``idf``;
    /// needs model format version 4.
    public var nbRatio: Bool
    /// Smoothing count α added to every bucket's presence counts for ``nbRatio``.
    public var nbAlpha: Double
    /// Imputation of empty field groups (ADR 0029): a feature group with no n-grams in a posting adds a margin
    /// chosen on held-out folds (stored in the model) instead of nothing, so that a posting that fills fewer fields
    /// than the training data is not scored as if the missing fields had been neutral. Needs ``groupNorm`` and model
    /// format version 5.
    public var imputeEmptyGroups: Bool

    /// Creates parameters; imputation of empty field groups is on unless asked otherwise or the whole vector shares
    /// one norm.
    public init(
        scheme: String = HashingParameters.currentScheme, bits: Int = 20, minN: Int = 1, maxN: Int = 3,
        fieldGroups: [String: String] = HashingParameters.defaultFieldGroups, sublinearTF: Bool = true,
        idf: Bool = true, groupNorm: Bool = true, binaryTF: Bool = false, nbRatio: Bool = false, nbAlpha: Double = 1,
        imputeEmptyGroups: Bool? = nil
    ) {
        self.scheme = scheme
        self.bits = bits
        self.minN = minN
        self.maxN = maxN
        self.fieldGroups = fieldGroups
        self.sublinearTF = sublinearTF
        self.idf = idf
        self.groupNorm = groupNorm
        self.binaryTF = binaryTF
        self.nbRatio = nbRatio
        self.nbAlpha = nbAlpha
        self.imputeEmptyGroups = imputeEmptyGroups ?? groupNorm
    }

    /// NB-SVM as measured in the fourth session (ADR 0016): binary term frequencies × log-count ratio (α given),
    /// no IDF; the other parameters as given.
    public func nbSVM(alpha: Double = 1) -> HashingParameters {
        var parameters = self
        parameters.binaryTF = true
        parameters.nbRatio = true
        parameters.idf = false
        parameters.nbAlpha = alpha
        return parameters
    }

    /// Term frequencies and bucket weighting in words, e.g. `sublinear TF × IDF` or
    /// `binary TF × NB log-count ratio (α 1.0)`.
    public var weightingDescription: String {
        let tf = binaryTF ? "binary TF" : (sublinearTF ? "sublinear TF" : "plain TF")
        if nbRatio { return tf + " × NB log-count ratio (α \(nbAlpha))" }
        return idf ? tf + " × IDF" : tf
    }

    /// Whether the model file carries one weight per bucket (IDF or log-count ratio) besides the model's weights.
    public var hasBucketWeights: Bool { idf || nbRatio }

    /// Title and description share features; every other text field of a posting has its own group. A group whose
    /// fields the input leaves empty adds its imputed margin (``imputeEmptyGroups``), or nothing.
    public static let defaultFieldGroups = fieldGroups(parsing: defaultFieldSpec) ?? [:]

    /// The default field groups as text (see ``fieldGroups(parsing:)``).
    public static let defaultFieldSpec = "title+description,subtitle,salary,welfare,requirements,company,companyIntro"

    /// Field groups from text: groups separated by commas, fields of one group joined by `+`
    /// (`title+description,company`); each group is named by its text. Nil for an empty spec or a repeated field.
    public static func fieldGroups(parsing spec: String) -> [String: String]? {
        var groups: [String: String] = [:]
        for group in spec.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !group.isEmpty {
            for field in group.split(separator: "+").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard !field.isEmpty, groups[field] == nil else { return nil }
                groups[field] = group
            }
        }
        return groups.isEmpty ? nil : groups
    }

    /// The field groups as text, groups and their fields sorted.
    public var fieldSpec: String {
        Set(fieldGroups.values).sorted().joined(separator: ",")
    }

    /// Number of hash buckets.
    public var bucketCount: Int { 1 << bits }

    /// Why these parameters cannot be used by this build, or nil when they can.
    public var problem: String? {
        if scheme != Self.currentScheme { return "feature scheme '\(scheme)' is not '\(Self.currentScheme)'" }
        if !(10...24).contains(bits) { return "hash bits \(bits) outside 10…24" }
        if !(1...3).contains(minN) || !(minN...3).contains(maxN) { return "n-gram range \(minN)…\(maxN) outside 1…3" }
        if fieldGroups.isEmpty { return "no fields to read" }
        if idf && nbRatio { return "IDF and the NB log-count ratio cannot both weight the buckets" }
        if nbRatio && !(nbAlpha.isFinite && nbAlpha > 0) { return "NB smoothing α \(nbAlpha) is not a positive number" }
        if imputeEmptyGroups && !groupNorm { return "imputing empty field groups needs one norm per group" }
        return nil
    }
}
