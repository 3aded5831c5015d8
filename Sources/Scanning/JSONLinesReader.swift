import Foundation

/// Splits JSON Lines input into lines with bounded memory.
///
/// Blank lines are skipped. A line longer than `maxRecordBytes` is reported and skipped without being buffered
/// whole. A trailing `\r` is removed.
public struct JSONLinesReader: RecordReader {
    private let input: BufferedInput
    private let maxRecordBytes: Int
    private var line = 0
    private var searchFrom = 0

    /// Creates a reader over `source`.
    public init(_ source: any ByteSource, maxRecordBytes: Int = 1 << 20) {
        input = BufferedInput(source)
        self.maxRecordBytes = maxRecordBytes
    }

    public var bytesRead: Int { input.bytesRead }

    public mutating func next() -> ReadEvent? {
        while true {
            if let newline = findNewline() {
                line += 1
                let length = newline - input.start
                if length > maxRecordBytes {
                    // The whole line was buffered (the buffer can hold more than the limit): still too long.
                    input.consume(length + 1)
                    searchFrom = 0
                    return tooLong(line)
                }
                var bytes = Array(input.buffer[input.start..<newline])
                input.consume(length + 1)
                searchFrom = 0
                if bytes.last == 0x0D { bytes.removeLast() }
                if isBlank(bytes) { continue }
                return .record(.json(line: line, bytes: bytes))
            }
            if input.available > maxRecordBytes { return skipLongLine() }
            searchFrom = input.available
            if !input.fill() {
                guard input.available > 0 else { return nil }
                line += 1
                if input.available > maxRecordBytes {
                    input.consume(input.available)
                    return tooLong(line)
                }
                var bytes = Array(input.buffer[input.start..<input.end])
                input.consume(input.available)
                if bytes.last == 0x0D { bytes.removeLast() }
                if isBlank(bytes) { return nil }
                return .record(.json(line: line, bytes: bytes))
            }
        }
    }

    /// Offset in the buffer of the next `\n` at or after the search position, if buffered.
    private func findNewline() -> Int? {
        let from = input.start + searchFrom
        guard from < input.end else { return nil }
        return input.buffer.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let hit = memchr(base + from, 0x0A, input.end - from) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    private mutating func skipLongLine() -> ReadEvent {
        line += 1
        let number = line
        searchFrom = 0
        while true {
            if let newline = findNewline() {
                input.consume(newline - input.start + 1)
                break
            }
            input.discardAll()
            if !input.fill() { break }
        }
        return tooLong(number)
    }

    private func tooLong(_ number: Int) -> ReadEvent {
        .problem(InputProblem(line: number, message: "line longer than \(maxRecordBytes) bytes (skipped)"))
    }

    private func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
