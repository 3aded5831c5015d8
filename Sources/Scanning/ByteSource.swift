import Foundation

/// Where input bytes come from: a file, stdin or memory.
public protocol ByteSource {
    /// Reads up to `buffer.count` bytes; 0 means end of input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int
}

/// Reads a file descriptor (a file or stdin) with POSIX `read`.
public struct FileByteSource: ByteSource {
    let descriptor: Int32
    let closeOnEnd: Bool

    /// Standard input.
    public static var standardInput: FileByteSource { FileByteSource(descriptor: 0, closeOnEnd: false) }

    /// Opens a file for reading; nil when it cannot be opened.
    public init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        self.init(descriptor: fd, closeOnEnd: true)
    }

    init(descriptor: Int32, closeOnEnd: Bool) {
        self.descriptor = descriptor
        self.closeOnEnd = closeOnEnd
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 && closeOnEnd { close(descriptor) }
            return max(0, count)
        }
    }
}

/// Bytes already in memory (tests, small inputs); `chunk` limits each read to exercise buffer boundaries.
public struct MemoryByteSource: ByteSource {
    let bytes: [UInt8]
    let chunk: Int
    var position = 0

    /// Creates a source over `bytes`, handing out at most `chunk` bytes per read.
    public init(_ bytes: [UInt8], chunk: Int = 1 << 16) {
        self.bytes = bytes
        self.chunk = max(1, chunk)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, chunk, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + count)]))
        }
        position += count
        return count
    }
}

/// A source whose first bytes have been read ahead, to guess the format of stdin without losing them.
public struct PeekedSource: ByteSource {
    private var inner: any ByteSource
    private var head: [UInt8]
    private var headPosition = 0

    /// Reads up to 4 KiB ahead from `inner`.
    public init(_ inner: any ByteSource) {
        var source = inner
        var head = [UInt8](repeating: 0, count: 4096)
        let count = head.withUnsafeMutableBytes { source.read(into: $0) }
        head.removeSubrange(count...)
        self.inner = source
        self.head = head
    }

    /// The first byte that is not white space or a byte order mark, if any.
    public var firstSignificantByte: UInt8? {
        head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        if headPosition < head.count {
            let count = min(buffer.count, head.count - headPosition)
            head.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[headPosition..<(headPosition + count)]))
            }
            headPosition += count
            return count
        }
        return inner.read(into: buffer)
    }
}
