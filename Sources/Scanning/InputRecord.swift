/// One record read from the input, not yet decoded: a JSON line or the fields of a CSV row.
public enum InputRecord: Sendable {
    /// A JSON Lines line (without its line break).
    case json(line: Int, bytes: [UInt8])
    /// A CSV row: the header names and the row's raw field bytes.
    case csv(line: Int, header: [String], fields: [[UInt8]])

    /// The 1-based input line where the record starts.
    public var line: Int {
        switch self {
        case .json(let line, _), .csv(let line, _, _): line
        }
    }
}

/// A record that could not be used, with its line number; never carries the record's text.
public struct InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line where the record starts.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates a problem.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// What a reader yields: a record or a problem (the bad record is skipped).
public enum ReadEvent: Sendable {
    case record(InputRecord)
    case problem(InputProblem)
}

/// Reads records one by one with bounded memory.
public protocol RecordReader {
    /// The next record or problem; nil at end of input.
    mutating func next() -> ReadEvent?
    /// Bytes read so far.
    var bytesRead: Int { get }
}
