/// A byte stream with a refillable buffer, shared by the JSON Lines and CSV readers.
///
/// Strips a UTF-8 byte order mark at the very start.
final class BufferedInput {
    private var source: any ByteSource
    private(set) var buffer: [UInt8]
    private(set) var start = 0
    private(set) var end = 0
    private(set) var finished = false
    /// Total bytes read so far.
    private(set) var bytesRead = 0
    private var atStart = true

    init(_ source: any ByteSource, capacity: Int = 1 << 16) {
        self.source = source
        buffer = Array(repeating: 0, count: capacity)
    }

    /// Bytes available between `start` and `end`.
    var available: Int { end - start }

    /// Marks `count` bytes as consumed.
    func consume(_ count: Int) { start += count }

    /// Reads more bytes, keeping unconsumed ones; grows the buffer when it is full. False at end of input.
    func fill() -> Bool {
        if finished { return false }
        if start > 0 {
            if available > 0 { buffer.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start..<end])) } }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let count = buffer.withUnsafeMutableBytes { raw in
            source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
        }
        guard count > 0 else {
            finished = true
            if atStart { stripBOM() }
            return available > 0
        }
        end += count
        bytesRead += count
        if atStart {
            // A byte order mark is 3 bytes; read on until they are all here (or the input ends).
            if available >= 3 { stripBOM() } else { _ = fill() }
        }
        return true
    }

    /// Drops everything buffered (used while skipping an over-long record).
    func discardAll() {
        start = 0
        end = 0
    }

    private func stripBOM() {
        atStart = false
        if end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF {
            start += 3
        }
    }
}
