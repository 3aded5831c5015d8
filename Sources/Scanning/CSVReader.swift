/// Reads RFC 4180 CSV: the first row names the columns; quoted fields may hold commas, `""` and line breaks.
///
/// A row with a different number of fields than the header, text after a closing quote, or an unterminated
/// quote is reported with its line and skipped. A row longer than `maxRecordBytes` is reported and skipped
/// without being kept in memory.
public struct CSVReader: RecordReader {
    private let input: BufferedInput
    private let maxRecordBytes: Int
    private var line = 1
    private var header: [String]?

    /// Creates a reader over `source`.
    public init(_ source: any ByteSource, maxRecordBytes: Int = 1 << 20) {
        input = BufferedInput(source)
        self.maxRecordBytes = maxRecordBytes
    }

    public var bytesRead: Int { input.bytesRead }

    public mutating func next() -> ReadEvent? {
        while true {
            let startLine = line
            guard let row = readRow() else { return nil }
            if let problem = row.problem { return .problem(InputProblem(line: startLine, message: problem)) }
            if row.fields.count == 1 && row.fields[0].isEmpty { continue }
            guard let header else {
                let names = row.fields.map { String(decoding: $0, as: UTF8.self) }
                self.header = names
                continue
            }
            guard row.fields.count == header.count else {
                let message = "expected \(header.count) fields as in the header, found \(row.fields.count) (skipped)"
                return .problem(InputProblem(line: startLine, message: message))
            }
            return .record(.csv(line: startLine, header: header, fields: row.fields))
        }
    }

    private struct Row {
        var fields: [[UInt8]] = [[]]
        var problem: String?
        var size = 0
    }

    private mutating func nextByte() -> UInt8? {
        if input.available == 0 && !input.fill() { return nil }
        let byte = input.buffer[input.start]
        input.consume(1)
        return byte
    }

    private mutating func peekByte() -> UInt8? {
        if input.available == 0 && !input.fill() { return nil }
        return input.buffer[input.start]
    }

    /// One row; nil at end of input.
    ///
    /// Runs of ordinary bytes are taken from the buffer at once (``takeRun(quoted:into:)``); the bytes that
    /// matter — comma, line break, carriage return, quote — are handled one by one.
    private mutating func readRow() -> Row? {
        guard peekByte() != nil else { return nil }
        var row = Row()
        var quoted = false
        var afterQuote = false
        func append(_ byte: UInt8, to row: inout Row) {
            row.size += 1
            if row.size <= maxRecordBytes { row.fields[row.fields.count - 1].append(byte) }
        }
        while true {
            if takeRun(quoted: quoted, into: &row), afterQuote, row.problem == nil {
                row.problem = "text after a closing quote (skipped)"
            }
            guard let byte = nextByte() else { break }
            if byte == 0x0A { line += 1 }
            if quoted {
                if byte == 0x22 {
                    if peekByte() == 0x22 { _ = nextByte(); append(0x22, to: &row) } else { quoted = false; afterQuote = true }
                } else {
                    append(byte, to: &row)
                }
                continue
            }
            switch byte {
            case 0x2C:
                row.fields.append([])
                afterQuote = false
            case 0x0A:
                return finish(row)
            case 0x0D where peekByte() == 0x0A:
                continue
            case 0x22 where row.fields[row.fields.count - 1].isEmpty && !afterQuote:
                quoted = true
            default:
                if afterQuote && row.problem == nil { row.problem = "text after a closing quote (skipped)" }
                append(byte, to: &row)
            }
        }
        if quoted { row.problem = "quoted field not closed before the end of input (skipped)" }
        return finish(row)
    }

    /// Appends to the row's last field the bytes now buffered up to the first that ends a run — a quote inside
    /// quotes; a comma, line break, carriage return or quote outside — counting the line breaks it passes.
    /// Returns whether it took any byte.
    private mutating func takeRun(quoted: Bool, into row: inout Row) -> Bool {
        guard input.available > 0 || input.fill() else { return false }
        let (begin, stop) = (input.start, input.end)
        var index = begin
        var breaks = 0
        input.buffer.withUnsafeBufferPointer { bytes in
            if quoted {
                while index < stop, bytes[index] != 0x22 {
                    if bytes[index] == 0x0A { breaks += 1 }
                    index += 1
                }
            } else {
                while index < stop {
                    let byte = bytes[index]
                    if byte == 0x2C || byte == 0x0A || byte == 0x0D || byte == 0x22 { break }
                    index += 1
                }
            }
            // As byte by byte: the row's size counts every byte, and bytes past the limit are not kept.
            let kept = max(0, min(index - begin, maxRecordBytes - row.size))
            if kept > 0 { row.fields[row.fields.count - 1].append(contentsOf: bytes[begin..<(begin + kept)]) }
            row.size += index - begin
        }
        line += breaks
        input.consume(index - begin)
        return index > begin
    }

    private func finish(_ row: Row) -> Row {
        var row = row
        if row.size > maxRecordBytes { row.problem = "row longer than \(maxRecordBytes) bytes (skipped)" }
        return row
    }
}
