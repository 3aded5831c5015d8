import Foundation
import Scanning
import Testing

@Suite("Reading the first postings before a scan")
struct InputSampleTests {
    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("input-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("a regular file is sampled: its texts and the fields that hold text")
    func regularFile() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("p.jsonl")
        try Data("""
            {"id":"1","title":"普工","description":"入职前需交押金","welfare":""}
            {"id":"2","title":"服务员","description":"包吃住","salary":"5000元"}

            """.utf8).write(to: file)
        let sample = try #require(InputSample.read(path: file.path, format: nil, mapping: FieldMapping()))
        #expect(sample.literalSample?.count == 2)
        #expect(sample.fieldsWithText.isSuperset(of: ["title", "description", "salary"]))
        #expect(!sample.fieldsWithText.contains("welfare"))
        let link = directory.appendingPathComponent("link.jsonl")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(InputSample.read(path: link.path, format: nil, mapping: FieldMapping())?.literalSample?.count == 2)
    }

    @Test("a FIFO, stdin and a directory are never read ahead (the scan would lose what the sample consumed)")
    func notRegular() throws {
        let directory = try temporaryDirectory()
        let fifo = directory.appendingPathComponent("postings.fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(!InputSample.isRegularFile(fifo.path))
        #expect(!InputSample.isRegularFile("/dev/stdin"))
        #expect(!InputSample.isRegularFile(directory.path))
        #expect(InputSample.read(path: "-", format: nil, mapping: FieldMapping()) == nil)
        #expect(InputSample.read(path: nil, format: nil, mapping: FieldMapping()) == nil)
    }
}
