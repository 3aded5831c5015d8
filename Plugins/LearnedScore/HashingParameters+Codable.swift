extension HashingParameters {
    private enum CodingKeys: String, CodingKey {
        case scheme, bits, minN, maxN, fieldGroups, sublinearTF, idf, groupNorm, binaryTF, nbRatio, nbAlpha
        case imputeEmptyGroups
    }

    /// Decodes parameters; the fields added with format versions 4 (`binaryTF`, `nbRatio`, `nbAlpha`) and 5
    /// (`imputeEmptyGroups`) are optional, so older headers read as before.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            scheme: try container.decode(String.self, forKey: .scheme),
            bits: try container.decode(Int.self, forKey: .bits),
            minN: try container.decode(Int.self, forKey: .minN),
            maxN: try container.decode(Int.self, forKey: .maxN),
            fieldGroups: try container.decode([String: String].self, forKey: .fieldGroups),
            sublinearTF: try container.decode(Bool.self, forKey: .sublinearTF),
            idf: try container.decode(Bool.self, forKey: .idf),
            groupNorm: try container.decode(Bool.self, forKey: .groupNorm),
            binaryTF: try container.decodeIfPresent(Bool.self, forKey: .binaryTF) ?? false,
            nbRatio: try container.decodeIfPresent(Bool.self, forKey: .nbRatio) ?? false,
            nbAlpha: try container.decodeIfPresent(Double.self, forKey: .nbAlpha) ?? 1,
            imputeEmptyGroups: try container.decodeIfPresent(Bool.self, forKey: .imputeEmptyGroups) ?? false)
    }

    /// Encodes parameters; the version-4 and version-5 fields are written only when in use, so a model without them
    /// has the same header bytes as a version-2 file.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scheme, forKey: .scheme)
        try container.encode(bits, forKey: .bits)
        try container.encode(minN, forKey: .minN)
        try container.encode(maxN, forKey: .maxN)
        try container.encode(fieldGroups, forKey: .fieldGroups)
        try container.encode(sublinearTF, forKey: .sublinearTF)
        try container.encode(idf, forKey: .idf)
        try container.encode(groupNorm, forKey: .groupNorm)
        if binaryTF { try container.encode(binaryTF, forKey: .binaryTF) }
        if nbRatio {
            try container.encode(nbRatio, forKey: .nbRatio)
            try container.encode(nbAlpha, forKey: .nbAlpha)
        }
        if imputeEmptyGroups { try container.encode(imputeEmptyGroups, forKey: .imputeEmptyGroups) }
    }

    /// The model file format version that can hold these parameters: 5 with imputation of empty field groups
    /// (ADR 0029), else 4 when they use binary term frequencies or the NB log-count ratio, else 2 — the lowest
    /// version, because an older reader would score such a model wrongly and must refuse it. (Version 3 was taken by
    /// the reverted shape-feature format of ADR 0015.)
    public var formatVersion: Int { imputeEmptyGroups ? 5 : (binaryTF || nbRatio ? 4 : 2) }
}
