import Dispatch
import Foundation
import PluginHost
import RuleKit

/// `rightsdesk-bench external`: per-call overhead of an external module against an in-process module doing the
/// same work, in the same run, on the same postings.
///
/// The in-process module and `SwiftKeywordModule` both look for the same keywords in title and description, so
/// the difference is the process boundary: JSON encoding, two pipe writes and reads, JSON decoding and the
/// host's validation. The Python registry check is measured too, as a typical scripted module.
/// Options: `--calls N` per module (default 20,000), `--keyword-module PATH` (default: beside this executable),
/// `--python PATH` (default `Plugins/Examples/python-registry-check/module.py`; skipped when missing).
enum ExternalBenchmark {
    static func run(_ args: [String]) throws {
        var calls = 20_000
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var keywordModule = beside.appendingPathComponent("SwiftKeywordModule").path
        var python = "Plugins/Examples/python-registry-check/module.py"
        var rest = args[...]
        while let flag = rest.popFirst(), let value = rest.popFirst() {
            switch flag {
            case "--calls": calls = Int(value) ?? calls
            case "--keyword-module": keywordModule = value
            case "--python": python = value
            default: throw PatternBenchmark.BenchmarkError("unknown option \(flag)")
            }
        }
        let postings = (0..<1000).map(posting)
        print("postings: \(postings.count) synthetic, ≈\(postings[1].fields.reduce(0) { $0 + $1.text.utf8.count }) bytes each; \(calls) calls per row")
        print("| module | kind | threads | µs per call (mean) | p50 µs | p99 µs | calls/s | failures |")
        print("|---|---|---|---|---|---|---|---|")
        let inProcess = KeywordProbe()
        row("keywords (in process)", "built-in", inProcess, postings, calls: calls, threads: 1)
        let spec = ExternalModuleSpec(id: "keywords", command: keywordModule, args: ["--keyword", "刷单", "--keyword", "垫付"])
        let external = try ExternalModule(spec: spec)
        row("keywords (SwiftKeywordModule)", "external", external, postings, calls: calls, threads: 1)
        row("keywords (SwiftKeywordModule)", "external", external, postings, calls: calls, threads: 2)
        row("ping only (SwiftKeywordModule)", "external", postings, calls: calls, threads: 1) { _ in
            (try? external.host.ping()) != nil
        }
        external.host.shutdown()
        if FileManager.default.fileExists(atPath: python) {
            let registry = try ExternalModule(spec: ExternalModuleSpec(id: "registry_check", command: "python3", args: ["-u", python]))
            row("registry_check (Python)", "external", registry, postings, calls: calls / 4, threads: 1)
            row("registry_check (Python)", "external", registry, postings, calls: calls / 4, threads: 2)
            row("ping only (Python)", "external", postings, calls: calls / 4, threads: 1) { _ in
                (try? registry.host.ping()) != nil
            }
            registry.host.shutdown()
        }
    }

    /// Times `calls` evaluations on `threads` threads and prints one table row.
    static func row(_ name: String, _ kind: String, _ module: any RuleModule, _ postings: [Subject], calls: Int, threads: Int) {
        row(name, kind, postings, calls: calls, threads: threads) { (try? module.evaluate($0, context: EmptyContext())) != nil }
    }

    /// Times `calls` of `call` (true = success) on `threads` threads and prints one table row.
    static func row(
        _ name: String, _ kind: String, _ postings: [Subject], calls: Int, threads: Int,
        call: @escaping @Sendable (Subject) -> Bool
    ) {
        DispatchQueue.concurrentPerform(iterations: threads) { _ in  // warm-up: every worker process started
            for subject in postings.prefix(200) { _ = call(subject) }
        }
        let perThread = calls / threads
        let timings = TimingSlots(count: perThread * threads)
        let failures = TimingSlots(count: threads)
        let started = DispatchTime.now()
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var failed = 0
            for index in 0..<perThread {
                let subject = postings[(thread * perThread + index) % postings.count]
                let before = DispatchTime.now().uptimeNanoseconds
                if !call(subject) { failed += 1 }
                timings.set(thread * perThread + index, DispatchTime.now().uptimeNanoseconds - before)
            }
            failures.set(thread, UInt64(failed))
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let sorted = timings.values.sorted()
        let mean = Double(sorted.reduce(0, +)) / Double(sorted.count) / 1000
        let p50 = Double(sorted[sorted.count / 2]) / 1000
        let p99 = Double(sorted[sorted.count * 99 / 100]) / 1000
        let failed = failures.values.reduce(0, +)
        print(String(format: "| %@ | %@ | %d | %.1f | %.1f | %.1f | %.0f | %d |",
                     name, kind, threads, mean, p50, p99, Double(sorted.count) / wall, failed))
    }

    /// A synthetic posting; every tenth carries a keyword.
    static func posting(_ index: Int) -> Subject {
        let description = "招聘仓库理货员，工作地点杭州，月薪\(4000 + index % 30 * 100)元，包住宿，要求身体健康，"
            + (index % 10 == 0 ? "兼职刷单日结" : "有经验者优先") + "，联系人王先生。"
        return Subject(kind: .jobPosting, id: "\(index)", fields: [
            SubjectField(name: "title", text: "理货员\(index)"), SubjectField(name: "description", text: description),
            SubjectField(name: "company", text: index % 7 == 0 ? "速发网络科技有限公司" : "宁波示例物流有限公司"),
        ])
    }
}
