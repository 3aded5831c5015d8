@testable import Scanning
import SeededRandom
import Testing

/// The CSV reader as it was written first, one byte at a time: the reference the run-at-once reader must equal.
private struct ReferenceCSVReader {
    var bytes: [UInt8]
    var position = 0
    var line = 1
    var header: [String]?
    let maxRecordBytes: Int

    mutating func next() -> String? {
        while true {
            let startLine = line
            guard position < bytes.count else { return nil }
            var fields: [[UInt8]] = [[]]
            var problem: String?
            var size = 0
            var quoted = false
            var afterQuote = false
            var ended = false
            func append(_ byte: UInt8) {
                size += 1
                if size <= maxRecordBytes { fields[fields.count - 1].append(byte) }
            }
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if byte == 0x0A { line += 1 }
                let peek = position < bytes.count ? bytes[position] : nil
                if quoted {
                    if byte == 0x22 {
                        if peek == 0x22 { position += 1; append(0x22) } else { quoted = false; afterQuote = true }
                    } else {
                        append(byte)
                    }
                    continue
                }
                if byte == 0x2C { fields.append([]); afterQuote = false; continue }
                if byte == 0x0A { ended = true; break }
                if byte == 0x0D && peek == 0x0A { continue }
                if byte == 0x22 && fields[fields.count - 1].isEmpty && !afterQuote { quoted = true; continue }
                if afterQuote && problem == nil { problem = "text after a closing quote (skipped)" }
                append(byte)
            }
            if !ended && quoted { problem = "quoted field not closed before the end of input (skipped)" }
            if size > maxRecordBytes { problem = "row longer than \(maxRecordBytes) bytes (skipped)" }
            if let problem { return "P \(startLine) \(problem)" }
            if fields.count == 1 && fields[0].isEmpty { continue }
            guard let header else {
                header = fields.map { String(decoding: $0, as: UTF8.self) }
                continue
            }
            guard fields.count == header.count else {
                return "P \(startLine) expected \(header.count) fields as in the header, found \(fields.count) (skipped)"
            }
            return "R \(startLine) \(header) \(fields)"
        }
    }
}

@Suite("CSV reader")
struct CSVReaderTests {
    static func described(_ event: ReadEvent) -> String {
        switch event {
        case .problem(let problem): return "P \(problem.line) \(problem.message)"
        case .record(.csv(let line, let header, let fields)): return "R \(line) \(header) \(fields)"
        case .record(.json): return "JSON"
        }
    }

    @Test("taking runs at once reads generated input exactly as byte by byte does, across buffer boundaries and limits")
    func runsEqualBytes() {
        var random = SplitMix64(seed: 2026)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("店员".utf8), Array(",".utf8), Array("\"".utf8), Array("\"\"".utf8), [0x0A], [0x0D],
            [0x0D, 0x0A], Array("x,y".utf8), Array(" ".utf8), Array("日结300元".utf8), [0xFF],
        ]
        for round in 0..<300 {
            var input: [UInt8] = Array("id,title,description\n".utf8)
            for _ in 0..<Int.random(in: 0...60, using: &random) {
                input += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
            let limit = [1 << 20, 8, 20][round % 3]
            var reference = ReferenceCSVReader(bytes: input, maxRecordBytes: limit)
            var expected: [String] = []
            while let event = reference.next() { expected.append(event) }
            for chunk in [1, 3, 7, 64] {
                let got = events(input, format: .csv, maxRecordBytes: limit, chunk: chunk).map(Self.described)
                #expect(got == expected, "round \(round), chunk \(chunk)")
            }
        }
    }

    @Test("decoding CSV: the last column of a repeated name is read; every column is checked, the first bad one named")
    func columns() throws {
        let decoder = PostingDecoder(extras: ["label"])
        let header = ["id", "title", "notes", "title", "label"]
        func row(_ fields: [[UInt8]]) -> InputRecord { .csv(line: 2, header: header, fields: fields) }
        let good = try decoder.decode(row([[0x31], Array("旧".utf8), Array("备注".utf8), Array("店员".utf8), [0x31]])).get()
        #expect(good.subject.id == "1" && good.subject.text(of: "title") == "店员" && good.extras["label"] == "1")
        guard case .failure(let unread) = decoder.decode(row([[0x31], [0x61], [0xFF], [0xFE], [0x31]])) else {
            Issue.record("invalid UTF-8 in a column no field reads was accepted")
            return
        }
        #expect(unread.message == "invalid UTF-8 in column 'notes' (skipped)")
    }

    @Test("decoding CSV rows in sequence gives what each row alone gives, and reuses a value repeated from the row before")
    func sequence() throws {
        let decoder = PostingDecoder()
        let header = ["id", "title", "description", "companyIntro"]
        let intro = Array(String(repeating: "本公司专业从事人力资源服务，", count: 20).utf8)
        let rows: [[[UInt8]]] = [
            [[0x31], Array("店员".utf8), Array("日结".utf8), intro],
            [[0x32], Array("理货员".utf8), Array("日结".utf8), intro],
            [[0x33], Array("理货员".utf8), [0xE5, 0xBA], intro],  // invalid: refused, the memory stays
            [[0x34], Array("理货员".utf8), Array("月结".utf8), intro],
            [[0x35], Array("理货员".utf8), Array("月结".utf8), intro + [0xFF]],
        ]
        var memory = PostingDecoder.Memory()
        var decoded: [Result<Posting, InputProblem>] = []
        for (index, fields) in rows.enumerated() {
            let record = InputRecord.csv(line: index + 2, header: header, fields: fields)
            let alone = decoder.decode(record)
            let inSequence = decoder.decode(record, memory: &memory)
            #expect(alone.map(\.subject) == inSequence.map(\.subject), "row \(index + 2)")
            decoded.append(inSequence)
        }
        func storage(_ result: Result<Posting, InputProblem>) throws -> UnsafePointer<UInt8>? {
            try result.get().subject.text(of: "companyIntro")?.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
                ?? nil
        }
        #expect(try storage(decoded[0]) == storage(decoded[1]))
        #expect(try storage(decoded[1]) == storage(decoded[3]))
        if case .success = decoded[4] { Issue.record("invalid UTF-8 accepted after a valid value it begins with") }
    }
}
