/// Opens a scan input (a file or `-` for stdin) as a record reader, guessing the format when not given.
public enum InputOpener {
    /// A reader for `path` (`nil` or `-` = stdin).
    ///
    /// - Throws: ``InputProblem`` (line 0) when the file cannot be opened.
    public static func open(path: String?, format: InputFormat?, maxRecordBytes: Int = 1 << 20)
        throws(InputProblem) -> any RecordReader
    {
        let raw: any ByteSource
        if let path, path != "-" {
            guard let file = FileByteSource(path: path) else {
                throw InputProblem(line: 0, message: "cannot open \(path)")
            }
            raw = file
        } else {
            raw = FileByteSource.standardInput
        }
        let peeked = PeekedSource(raw)
        let chosen = format ?? InputFormat.guess(path: path == "-" ? nil : path, firstByte: peeked.firstSignificantByte)
        switch chosen {
        case .jsonl: return JSONLinesReader(peeked, maxRecordBytes: maxRecordBytes)
        case .csv: return CSVReader(peeked, maxRecordBytes: maxRecordBytes)
        }
    }

    /// A reader over bytes already in memory (`name` guesses the format from its extension when not given; `-` or
    /// nil: from the first byte) — for inputs that are read whole anyway, such as labelled training data.
    public static func open(bytes: [UInt8], name: String?, format: InputFormat?, maxRecordBytes: Int = 1 << 20)
        -> any RecordReader
    {
        let peeked = PeekedSource(MemoryByteSource(bytes, chunk: 1 << 20))
        let chosen = format ?? InputFormat.guess(path: name == "-" ? nil : name, firstByte: peeked.firstSignificantByte)
        switch chosen {
        case .jsonl: return JSONLinesReader(peeked, maxRecordBytes: maxRecordBytes)
        case .csv: return CSVReader(peeked, maxRecordBytes: maxRecordBytes)
        }
    }
}
