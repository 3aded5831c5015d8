import Foundation

/// Reads and writes the binary model file.
///
/// Layout (little-endian): the 8-byte signature `RDLSCORE`, the format version (UInt32), the header length H
/// (UInt32), H bytes of JSON header (``ModelHeader``, sorted keys), the weight section — a count N (UInt32) and N
/// pairs of bucket (UInt32) and weight (Float32 bits) for the non-zero weights — then the bucket-weight section in
/// the same shape: the IDF of the buckets seen in training, or (format version 4, ``HashingParameters/nbRatio``) their
/// non-zero log-count ratios, empty for neither — then the SHA-256 of every preceding byte. Versions 2, 4 and 5
/// differ only in what the header may say (5: the empty-group margins of ADR 0029); a model is written with the
/// lowest version that can hold it. Writing the
/// same model twice gives the same bytes.
public enum ModelFileCodec {
    static let signature = Array("RDLSCORE".utf8)
    static let digestLength = 32

    /// The file bytes of a header, weights and bucket weights (IDF or log-count ratios, as the header says).
    public static func encode(header: ModelHeader, weights: [Float], bucketWeights: [Float]? = nil) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain value types with finite numbers cannot fail; an empty header would be refused on reading.
        let json = (try? encoder.encode(header)).map { Array($0) } ?? []
        var bytes = signature
        append(UInt32(header.formatVersion), to: &bytes)
        append(UInt32(json.count), to: &bytes)
        bytes += json
        appendSection(weights, skipping: 0, to: &bytes)
        appendSection(bucketWeights ?? [], skipping: header.idfUnseen ?? 0, to: &bytes)
        bytes += SHA256.hash(bytes).bytes
        return bytes
    }

    private static func appendSection(_ values: [Float], skipping: Float, to bytes: inout [UInt8]) {
        let stored = values.indices.filter { values[$0] != skipping }
        append(UInt32(stored.count), to: &bytes)
        bytes.reserveCapacity(bytes.count + stored.count * 8 + digestLength)
        for index in stored {
            append(UInt32(index), to: &bytes)
            append(values[index].bitPattern, to: &bytes)
        }
    }

    /// The header, dense weights and dense bucket weights (IDF or log-count ratios; nil for neither) of file bytes.
    ///
    /// - Throws: ``ModelFileError`` naming `path` for a wrong signature or version, a truncated or corrupt file,
    ///   an unreadable header or parameters this build cannot use.
    public static func decode(_ bytes: [UInt8], path: String) throws(ModelFileError)
        -> (header: ModelHeader, weights: [Float], bucketWeights: [Float]?)
    {
        func fail(_ reason: ModelFileError.Reason) -> ModelFileError { ModelFileError(path: path, reason: reason) }
        guard bytes.count >= signature.count else {
            throw fail(bytes == Array(signature.prefix(bytes.count)) && !bytes.isEmpty
                ? .truncated(expected: signature.count, actual: bytes.count) : .notAModel)
        }
        guard Array(bytes[0..<signature.count]) == signature else { throw fail(.notAModel) }
        guard bytes.count >= 16 else { throw fail(.truncated(expected: 16, actual: bytes.count)) }
        let version = Int(readUInt32(bytes, at: 8))
        guard ModelHeader.supportedFormatVersions.contains(version) else { throw fail(.unsupportedVersion(version)) }
        let headerEnd = 16 + Int(readUInt32(bytes, at: 12))
        let weightsEnd = try sectionEnd(bytes, at: headerEnd, fail)
        let idfEnd = try sectionEnd(bytes, at: weightsEnd, fail)
        let expected = idfEnd + digestLength
        guard bytes.count >= expected else { throw fail(.truncated(expected: expected, actual: bytes.count)) }
        guard bytes.count == expected else { throw fail(.corrupt("\(bytes.count - expected) bytes after the checksum")) }
        guard SHA256.hash(bytes[0..<idfEnd]).bytes == Array(bytes[idfEnd...]) else {
            throw fail(.corrupt("checksum mismatch"))
        }
        let header: ModelHeader
        do {
            header = try JSONDecoder().decode(ModelHeader.self, from: Data(bytes[16..<headerEnd]))
        } catch {
            throw fail(.badHeader(String(describing: error)))
        }
        guard header.formatVersion == version else {
            throw fail(.corrupt("header says format version \(header.formatVersion), prefix says \(version)"))
        }
        if let problem = header.hashing.problem { throw fail(.incompatible(problem)) }
        // Training writes bands in 0…1, or `ScoreBands.off` for a band that never fires; a negative or non-finite
        // band (or intercept) would add points to every posting, so it is refused, not used.
        let bands = header.bands
        guard [bands.suspicious, bands.likelyFraud].allSatisfy({ $0.isFinite && $0 >= 0 }),
            bands.likelyFraud >= bands.suspicious
        else {
            throw fail(.corrupt("score bands \(bands.suspicious) / \(bands.likelyFraud) are not probabilities in order"))
        }
        guard header.bias.isFinite else { throw fail(.corrupt("the intercept is not a finite number")) }
        if header.hashing.imputeEmptyGroups {
            // One finite margin per feature group, none for a group the model does not have (ADR 0029).
            let groups = Set(header.hashing.fieldGroups.values)
            guard let margins = header.emptyGroupMargins, Set(margins.keys) == groups,
                margins.values.allSatisfy(\.isFinite)
            else { throw fail(.corrupt("the empty-group margins do not match the field groups")) }
        } else if header.emptyGroupMargins != nil {
            throw fail(.corrupt("empty-group margins in a model that does not impute empty field groups"))
        }
        guard version == header.hashing.formatVersion else {
            throw fail(.corrupt("format version \(version) cannot hold these feature parameters "
                + "(version \(header.hashing.formatVersion) can)"))
        }
        let buckets = header.hashing.bucketCount
        let weights = try section(bytes, at: headerEnd, buckets: buckets, fill: 0, fail)
        guard header.hashing.hasBucketWeights else { return (header, weights, nil) }
        // A bucket no training posting had: IDF as stored in the header; log-count ratio 0.
        var unseen: Float = 0
        if !header.hashing.nbRatio {
            guard let idfUnseen = header.idfUnseen, idfUnseen.isFinite else { throw fail(.corrupt("IDF default missing")) }
            unseen = idfUnseen
        }
        return (header, weights, try section(bytes, at: weightsEnd, buckets: buckets, fill: unseen, fail))
    }

    /// Where a section starting at `start` ends; throws when even its count is cut off.
    private static func sectionEnd(
        _ bytes: [UInt8], at start: Int, _ fail: (ModelFileError.Reason) -> ModelFileError
    ) throws(ModelFileError) -> Int {
        guard bytes.count >= start + 4 else { throw fail(.truncated(expected: start + 4, actual: bytes.count)) }
        return start + 4 + Int(readUInt32(bytes, at: start)) * 8
    }

    private static func section(
        _ bytes: [UInt8], at sectionStart: Int, buckets: Int, fill: Float, _ fail: (ModelFileError.Reason) -> ModelFileError
    ) throws(ModelFileError) -> [Float] {
        let count = Int(readUInt32(bytes, at: sectionStart))
        let start = sectionStart + 4
        var weights = [Float](repeating: fill, count: buckets)
        var previous = -1
        for entry in 0..<count {
            let offset = start + entry * 8
            let index = Int(readUInt32(bytes, at: offset))
            let value = Float(bitPattern: readUInt32(bytes, at: offset + 4))
            guard index > previous, index < buckets else { throw fail(.corrupt("bucket \(index) out of order or range")) }
            guard value.isFinite else { throw fail(.corrupt("value of bucket \(index) is not a finite number")) }
            weights[index] = value
            previous = index
        }
        return weights
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
