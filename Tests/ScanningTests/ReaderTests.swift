import Scanning
import Testing

/// Reads every event of `text` with a small buffer chunk to cross buffer boundaries.
func events(_ bytes: [UInt8], format: InputFormat, maxRecordBytes: Int = 1 << 20, chunk: Int = 7) -> [ReadEvent] {
    let source = MemoryByteSource(bytes, chunk: chunk)
    var reader: any RecordReader = format == .jsonl
        ? JSONLinesReader(source, maxRecordBytes: maxRecordBytes) : CSVReader(source, maxRecordBytes: maxRecordBytes)
    var result: [ReadEvent] = []
    while let event = reader.next() { result.append(event) }
    return result
}

func decoded(_ events: [ReadEvent], decoder: PostingDecoder = PostingDecoder()) -> (postings: [Posting], problems: [InputProblem]) {
    var postings: [Posting] = []
    var problems: [InputProblem] = []
    for event in events {
        switch event {
        case .problem(let problem): problems.append(problem)
        case .record(let record):
            switch decoder.decode(record) {
            case .success(let posting): postings.append(posting)
            case .failure(let problem): problems.append(problem)
            }
        }
    }
    return (postings, problems)
}

@Suite("Input readers")
struct ReaderTests {
    @Test("JSON Lines: a malformed line is reported with its number and the others are read")
    func badJSONLine() {
        let input = "{\"id\":\"a\",\"title\":\"店员\"}\n{broken\n\n{\"id\":\"c\",\"salary\":5000}\n"
        let (postings, problems) = decoded(events(Array(input.utf8), format: .jsonl))
        #expect(postings.map(\.subject.id) == ["a", "c"])
        #expect(problems.map(\.line) == [2])
        #expect(postings.last?.subject.text(of: "salary") == "5000")
        #expect(postings.last?.line == 4)
    }

    @Test("JSON Lines: invalid UTF-8 is reported for that line only")
    func invalidUTF8() {
        var bytes = Array("{\"id\":\"a\"}\n{\"id\":\"".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\"}\n{\"id\":\"c\"}".utf8)
        let (postings, problems) = decoded(events(bytes, format: .jsonl))
        #expect(postings.map(\.subject.id) == ["a", "c"])
        #expect(problems.map(\.line) == [2])
        #expect(problems.first?.message.contains("UTF-8") == true)
    }

    @Test("a huge line is reported and skipped, and reading goes on")
    func hugeLine() {
        let huge = "{\"id\":\"" + String(repeating: "押", count: 400_000) + "\"}"
        let input = "{\"id\":\"a\"}\n" + huge + "\n{\"id\":\"c\"}\n"
        let (postings, problems) = decoded(events(Array(input.utf8), format: .jsonl, chunk: 1 << 16))
        #expect(postings.map(\.subject.id) == ["a", "c"])
        #expect(problems.map(\.line) == [2])
    }

    @Test("the line limit holds however the input arrives: whole lines above it are refused, at it read",
          arguments: [3, 7, 64, 1 << 16])
    func lineLimitAnyChunk(chunk: Int) {
        func line(_ id: String, length: Int) -> String {
            let head = "{\"id\":\"\(id)\",\"description\":\""
            return head + String(repeating: "x", count: length - head.utf8.count - 2) + "\"}"
        }
        let limit = 60
        let input = [line("a", length: 60), line("b", length: 61), line("c", length: 30), line("d", length: 61)]
            .joined(separator: "\n")  // the last line has no line break
        let (postings, problems) = decoded(events(Array(input.utf8), format: .jsonl, maxRecordBytes: limit, chunk: chunk))
        #expect(postings.map(\.subject.id) == ["a", "c"], "chunk \(chunk)")
        #expect(problems.map(\.line) == [2, 4], "chunk \(chunk)")
        #expect(problems.allSatisfy { $0.message == "line longer than 60 bytes (skipped)" })
    }

    @Test("empty input gives no postings and no problems", arguments: [InputFormat.jsonl, .csv])
    func empty(format: InputFormat) {
        #expect(events([], format: format).isEmpty)
        #expect(events(Array("\n\n".utf8), format: format).isEmpty)
    }

    @Test("a byte order mark is skipped", arguments: [InputFormat.jsonl, .csv])
    func bom(format: InputFormat) {
        let text = format == .jsonl ? "{\"id\":\"x\"}\n" : "id,title\nx,店员\n"
        let (postings, problems) = decoded(events([0xEF, 0xBB, 0xBF] + Array(text.utf8), format: format, chunk: 2))
        #expect(problems.isEmpty)
        #expect(postings.map(\.subject.id) == ["x"])
    }

    @Test("CSV: quotes, doubled quotes, commas and line breaks inside fields, CRLF")
    func csvQuoting() {
        let input = "id,title,description\r\n1,\"急招, 店员\",\"第一行\n第二行 \"\"引号\"\"\"\r\n2,收银,日结\r\n"
        let (postings, problems) = decoded(events(Array(input.utf8), format: .csv))
        #expect(problems.isEmpty)
        #expect(postings.map(\.subject.id) == ["1", "2"])
        #expect(postings.first?.subject.text(of: "title") == "急招, 店员")
        #expect(postings.first?.subject.text(of: "description") == "第一行\n第二行 \"引号\"")
        #expect(postings.last?.line == 4)
    }

    @Test("CSV: a row with the wrong field count or text after a quote is reported with its line")
    func csvBadRows() {
        let input = "id,title\n1,a\n2,b,extra\n3,\"c\"x\n4,d\n"
        let (postings, problems) = decoded(events(Array(input.utf8), format: .csv))
        #expect(postings.map(\.subject.id) == ["1", "4"])
        #expect(problems.map(\.line) == [3, 4])
    }

    @Test("the field mapping renames input fields and numbers become text")
    func mapping() throws {
        let mapping = try FieldMapping(parsing: "description=jobDescription,id=job_id")
        let input = "{\"job_id\":42,\"jobDescription\":\"日结\",\"title\":null,\"label\":true}\n"
        let (postings, _) = decoded(
            events(Array(input.utf8), format: .jsonl), decoder: PostingDecoder(mapping: mapping, extras: ["label"]))
        #expect(postings.first?.subject.id == "42")
        #expect(postings.first?.subject.text(of: "description") == "日结")
        #expect(postings.first?.subject.text(of: "title") == "")
        #expect(postings.first?.extras["label"] == "true")
        #expect(throws: MappingError.self) { try FieldMapping(parsing: "nosuch=x") }
    }

    @Test("the format is guessed from the extension, then the first byte")
    func guess() {
        #expect(InputFormat.guess(path: "a.csv", firstByte: UInt8(ascii: "{")) == .csv)
        #expect(InputFormat.guess(path: "a.jsonl", firstByte: nil) == .jsonl)
        #expect(InputFormat.guess(path: nil, firstByte: UInt8(ascii: "i")) == .csv)
        #expect(InputFormat.guess(path: nil, firstByte: UInt8(ascii: "{")) == .jsonl)
    }
}
