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
}
