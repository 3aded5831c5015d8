import EntityKit
import Foundation

/// `rightsdesk-bench entities-extract [--orfd PATH] [--rounds N]`: the cost of ``EntityExtractor/extract(_:)`` and
/// ``EntityExtractor/mayContainCreditCode(_:)`` on real postings.
///
/// Reads the ORFD file (fields jobTitle, jobDescription, companyName, jobSalary; default
/// `../shared/data/orfd-dev.jsonl`), then per round measures the thread CPU time of `extract` over every field of
/// every posting, of `extract` over the postings that mention 中介 / 劳务派遣 / 安排工作 (the ones the black-intermediary
/// module extracts from in a scan), and of `mayContainCreditCode` over every field. Prints the median round in µs per
/// posting and an output digest (FNV-1a of every mention's kind, value, range and raw text and of every gate answer)
/// so two builds can be shown to agree on the real data.
enum EntityExtractBenchmark {
    static func run(_ args: [String]) throws {
        var orfd = "../shared/data/orfd-dev.jsonl"
        var rounds = 5
        var rest = args[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw PatternBenchmark.BenchmarkError("\(flag) needs a value") }
            switch flag {
            case "--orfd": orfd = value
            case "--rounds": rounds = max(1, Int(value) ?? rounds)
            default: throw PatternBenchmark.BenchmarkError("unknown option \(flag)")
            }
        }
        let postings = try load(orfd)
        let intermediary = postings.filter { fields in
            fields.contains { $0.contains("中介") || $0.contains("劳务派遣") || $0.contains("安排工作") }
        }
        let bytes = postings.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count } }
        print(StoreBenchmark.machineDescription())
        print("\n\(postings.count) postings (\(bytes) bytes in the four fields), \(intermediary.count) mention "
            + "中介/劳务派遣/安排工作; median of \(rounds) rounds, thread CPU time\n")
        print("| measure | postings | µs per posting | MB per CPU-s |")
        print("|---|---|---|---|")
        let all = median(rounds) { cpuTime { for fields in postings { for field in fields { _ = EntityExtractor.extract(field) } } } }
        row("extract, all postings", postings.count, all, bytes)
        let some = median(rounds) { cpuTime { for fields in intermediary { for field in fields { _ = EntityExtractor.extract(field) } } } }
        row("extract, 中介/劳务派遣/安排工作 postings", intermediary.count, some,
            intermediary.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count } })
        var open = 0
        let gate = median(rounds) {
            cpuTime { for fields in postings { for field in fields where EntityExtractor.mayContainCreditCode(field) { open += 1 } } }
        }
        row("mayContainCreditCode, all postings", postings.count, gate, bytes)
        print("\noutput digest \(String(digest(postings), radix: 16)), gate open \(open / rounds) fields")
    }

    /// The four text fields of each posting; a line that is not a JSON object is skipped.
    static func load(_ path: String) throws -> [[String]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PatternBenchmark.BenchmarkError("cannot read \(path)")
        }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return nil }
            return ["jobTitle", "jobDescription", "companyName", "jobSalary"].map { object[$0] as? String ?? "" }
        }
    }

    static func cpuTime(_ body: () -> Void) -> Double {
        var start = timespec()
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    }

    static func median(_ rounds: Int, _ body: () -> Double) -> Double {
        let values = (0..<rounds).map { _ in body() }.sorted()
        return values[values.count / 2]
    }

    static func row(_ name: String, _ count: Int, _ seconds: Double, _ bytes: Int) {
        print("| \(name) | \(count) | \(StoreBenchmark.format(seconds * 1e6 / Double(max(1, count)), 2)) | "
            + "\(StoreBenchmark.format(Double(bytes) / 1e6 / seconds, 1)) |")
        fflush(nil)  // one row at a time
    }

    /// FNV-1a over every field's mentions, invalid codes and gate answer.
    static func digest(_ postings: [[String]]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        for fields in postings {
            for field in fields {
                let found = EntityExtractor.extract(field)
                add(EntityExtractor.mayContainCreditCode(field) ? "G" : "g")
                for mention in found.mentions + [EntityMention(entity: Entity(kind: .qq, value: "|"), range: 0..<0, raw: "")]
                    + found.invalidCreditCodes {
                    add("\(mention.entity)|\(mention.range)|\(mention.raw);")
                }
            }
        }
        return hash
    }
}
