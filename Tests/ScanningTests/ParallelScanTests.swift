import Foundation
import RuleKit
import Scanning
import Synchronization
import Testing

/// A module whose evaluations wait until another evaluation runs at the same time: proof that the runner's workers
/// really run in parallel. Gives up (and remembers it) after a deadline, so a runner that evaluates one chunk at a
/// time fails the test in seconds instead of hanging it.
final class RendezvousModule: RuleModule {
    let inFlight = Atomic<Int>(0)
    let met = Atomic<Bool>(false)
    /// The threads that evaluated something.
    let threads = Mutex<Set<UInt>>([])
    let gaveUp = Atomic<Bool>(false)
    let deadline: Duration

    init(deadline: Duration) { self.deadline = deadline }

    var id: String { "rendezvous" }
    var version: String { "1" }
    var subjects: Set<SubjectKind> { [.jobPosting] }
    var rules: [RuleDescription] { [] }

    func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        threads.withLock { _ = $0.insert(UInt(pthread_self())) }
        inFlight.add(1, ordering: .sequentiallyConsistent)
        defer { inFlight.subtract(1, ordering: .sequentiallyConsistent) }
        let clock = ContinuousClock()
        let until = clock.now.advanced(by: deadline)
        while !met.load(ordering: .sequentiallyConsistent) && !gaveUp.load(ordering: .sequentiallyConsistent) {
            if inFlight.load(ordering: .sequentiallyConsistent) >= 2 {
                met.store(true, ordering: .sequentiallyConsistent)
            } else if clock.now > until {
                gaveUp.store(true, ordering: .sequentiallyConsistent)
            } else {
                Thread.sleep(forTimeInterval: 0.000_2)
            }
        }
        return []
    }
}

@Suite("Scan runner in parallel")
struct ParallelScanTests {
    // Called from a Swift concurrency task, as `rightsdesk scan` calls the runner. Work handed to
    // `DispatchQueue.global()` and waited for from such a task ran on one thread for about a second before Dispatch
    // added another (a whole `rightsdesk scan` of 17,000 postings got no parallelism at all, ADR 0023); the calling
    // thread working on the chunks itself is what keeps a scan from waiting for the pool.
    @Test("with two workers, two postings are evaluated at the same time and the calling thread is one of the workers",
          .enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2))
    func parallel() async throws {
        let module = RendezvousModule(deadline: .seconds(20))
        var builder = RegistryBuilder()
        try builder.register(module)
        let runner = ScanRunner(registry: builder.build(), decoder: PostingDecoder(),
                                options: ScanOptions(jobs: 2, chunkSize: 1, chunksPerWorker: 4))
        let input = (1...32).map { "{\"id\":\"p\($0)\",\"description\":\"店员\"}" }.joined(separator: "\n")
        var reader = JSONLinesReader(MemoryByteSource(Array(input.utf8)))
        var ids: [String] = []
        let caller = UInt(pthread_self())  // no suspension point before the synchronous run below
        let summary = try runner.run(reader: &reader, onOutcome: { ids.append($0.id) }, onProblem: { _ in })
        let met = module.met.load(ordering: .sequentiallyConsistent)
        let gaveUp = module.gaveUp.load(ordering: .sequentiallyConsistent)
        #expect(met)
        #expect(!gaveUp)
        #expect(module.threads.withLock { $0.contains(caller) && $0.count >= 2 })
        #expect(summary.postings == 32 && ids == (1...32).map { "p\($0)" })
    }
}
